// interp/modules/atexit.h -- Running the atexit module's callbacks (the runner calls it).
#pragma once

namespace tpy {

// Calls the registered functions, last registered first; errors are printed as CPython's
// "Exception ignored in atexit callback" and do not stop the others.
void atexit_run_callbacks();

}  // namespace tpy
