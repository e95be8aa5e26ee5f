# CMake integration (CMakeLists.txt, cmake/):
#   make cmake-test   tests/scripts/cmake.sh alone: install + find_package(camp CONFIG),
#                     add_subdirectory, CAMP_CONFIG_FILE propagation, cross build of the
#                     core with cmake/arm-none-eabi.cmake, same archive members as make.
# The script also runs in `make check` (check-unit discovers tests/scripts/*.sh).
.PHONY: cmake-test
cmake-test: all
	@BUILD=$(BUILD) sh tests/scripts/cmake.sh
