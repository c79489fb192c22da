// The command line (spec §3). run() never throws; it returns the documented exit code:
// 0 ok, 1 usage error, 2 input or rule error, 3 storage error.
#pragma once

namespace kg::cli {

int run(int argc, char** argv);

}  // namespace kg::cli
