#include "cli/cli.h"

int main(int argc, char** argv) { return kg::cli::run(argc, argv); }
