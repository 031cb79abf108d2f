// tests/unit/cli_options_test.cpp -- Command-line parsing: sys.argv, -X, flags as python3.11.
//
// Expected argv values were printed by /usr/bin/python3.11 with the same command lines.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "interp/cli/options.h"

namespace tpy::cli {
namespace {

struct Parsed {
  int rc;
  Options o;
};

Parsed parse(std::vector<std::string> words) {
  words.insert(words.begin(), "tpy");
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  Parsed p;
  p.rc = parse_options(static_cast<int>(argv.size()), argv.data(), p.o);
  return p;
}

using Strings = std::vector<std::string>;

TEST(CliOptions, CommandEndsOptionParsing) {
  Parsed p = parse({"-c", "pass", "-O", "--foo"});
  EXPECT_EQ(p.rc, 0);
  EXPECT_EQ(p.o.action, Options::Action::RunCommand);
  EXPECT_EQ(p.o.target, "pass");
  EXPECT_EQ(p.o.argv, (Strings{"-c", "-O", "--foo"}));
  EXPECT_EQ(p.o.optimize, 0);
}

TEST(CliOptions, BundledFlagsBeforeCommand) {
  Parsed p = parse({"-Oc", "import sys", "x"});
  EXPECT_EQ(p.o.optimize, 1);
  EXPECT_EQ(p.o.argv, (Strings{"-c", "x"}));  // python3.11: ['-c', 'x'], optimize 1
}

TEST(CliOptions, ScriptArgumentsAreNotOptions) {
  Parsed p = parse({"x.py", "-O", "y"});
  EXPECT_EQ(p.o.action, Options::Action::RunFile);
  EXPECT_EQ(p.o.argv, (Strings{"x.py", "-O", "y"}));
  EXPECT_EQ(p.o.optimize, 0);
}

TEST(CliOptions, DoubleDashThenScript) {
  Parsed p = parse({"--", "x.py", "-c"});
  EXPECT_EQ(p.o.action, Options::Action::RunFile);
  EXPECT_EQ(p.o.argv, (Strings{"x.py", "-c"}));
}

TEST(CliOptions, StdinArgv) {
  EXPECT_EQ(parse({"-", "a", "b"}).o.argv, (Strings{"-", "a", "b"}));
  Parsed p = parse({});
  EXPECT_EQ(p.o.action, Options::Action::RunStdin);
  EXPECT_EQ(p.o.argv, (Strings{""}));
}

TEST(CliOptions, XOptionsLastValueWins) {
  Parsed p = parse({"-X", "jit=off", "-Xgil=free", "-X", "jit=on", "-X", "gc-stats", "-c", "1"});
  ASSERT_NE(p.o.xoption("jit"), nullptr);
  EXPECT_EQ(*p.o.xoption("jit"), "on");  // python3.11: {'jit': 'on', 'gil': 'free'}
  EXPECT_EQ(*p.o.xoption("gil"), "free");
  EXPECT_EQ(*p.o.xoption("gc-stats"), "");
  EXPECT_EQ(p.o.xoption("gc-stress"), nullptr);
}

TEST(CliOptions, ModuleArgv) {
  Parsed p = parse({"-W", "ignore", "-m", "json.tool", "f"});
  EXPECT_EQ(p.o.action, Options::Action::RunModule);
  EXPECT_EQ(p.o.warnoptions, (Strings{"ignore"}));
  EXPECT_EQ(p.o.argv, (Strings{"json.tool", "f"}));
}

TEST(CliOptions, FlagsAreCounted) {
  Parsed p = parse({"-OO", "-bb", "-vvv", "-B", "-u", "-I", "x.py"});
  EXPECT_EQ(p.o.optimize, 2);
  EXPECT_EQ(p.o.bytes_warning, 2);
  EXPECT_EQ(p.o.verbose, 3);
  EXPECT_TRUE(p.o.dont_write_bytecode && p.o.unbuffered && p.o.isolated);
  EXPECT_TRUE(p.o.ignore_environment && p.o.no_user_site && p.o.safe_path);
}

TEST(CliOptions, TpyCommands) {
  Parsed p = parse({"--dump-ast", "--attributes", "f.py"});
  EXPECT_EQ(p.o.action, Options::Action::DumpAst);
  EXPECT_TRUE(p.o.dump_attributes);
  EXPECT_EQ(p.o.target, "f.py");
  Parsed q = parse({"--parse-only", "a.py", "dir"});
  EXPECT_EQ(q.o.action, Options::Action::ParseOnly);
  EXPECT_EQ(q.o.files, (Strings{"a.py", "dir"}));
  EXPECT_EQ(parse({"-V"}).o.action, Options::Action::Version);
  EXPECT_EQ(parse({"--version", "x.py"}).o.action, Options::Action::Version);
  EXPECT_EQ(parse({"-h", "x.py"}).o.action, Options::Action::Help);
}

TEST(CliOptions, UsageErrorsReturnTwo) {
  testing::internal::CaptureStderr();
  EXPECT_EQ(parse({"-Q"}).rc, 2);
  EXPECT_EQ(parse({"--foo"}).rc, 2);
  EXPECT_EQ(parse({"-c"}).rc, 2);
  EXPECT_EQ(parse({"-X"}).rc, 2);
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("Unknown option: -Q\nusage: tpy [option] ..."), std::string::npos);
  EXPECT_NE(err.find("unknown option --foo\n"), std::string::npos);
  EXPECT_NE(err.find("Argument expected for the -c option\n"), std::string::npos);
}

}  // namespace
}  // namespace tpy::cli
