// specconv entry point: forwards to cli::run and turns anything unexpected into exit code 3.
#include <exception>
#include <iostream>

#include "cli/run.h"

int main(int argc, char** argv) {
  try {
    return specconv::cli::run(argc, argv, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "specconv: internal error: " << e.what() << "\n";
    return 3;
  }
}
