# os.system, fork/_exit/waitpid, execv/execve in a child, and a few process queries.
import os, sys
print(os.system("exit 3") >> 8, os.waitstatus_to_exitcode(os.system("true")))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print("child")
    sys.stdout.flush()
    os._exit(7)
_, status = os.waitpid(pid, 0)
print("parent", os.WEXITSTATUS(status))
pid = os.fork()
if pid == 0:
    os.execv("/bin/sh", ["sh", "-c", "echo from exec; exit 5"])
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
pid = os.fork()
if pid == 0:
    os.execve("/bin/sh", ["sh", "-c", "echo $TPY_X"], {"TPY_X": "env value"})
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
print(len(os.sched_getaffinity(0)) >= 1, len(os.getloadavg()), os.getpgid(0) > 0)
