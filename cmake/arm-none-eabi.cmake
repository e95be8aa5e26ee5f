# Cross-compile libcamp's core for Cortex-M with the GNU Arm toolchain:
#   cmake -S . -B build-arm -DCMAKE_TOOLCHAIN_FILE=cmake/arm-none-eabi.cmake \
#         [-DCAMP_ARM_CPU_FLAGS="-mcpu=cortex-m0plus -mthumb -mfloat-abi=soft"]
# The ports need an OS and are left out (CAMP_WITH_POSIX/CAMP_WITH_MBEDTLS AUTO -> OFF).
# C library: the toolchain's own (newlib) when it has one, else Debian's picolibc.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
# No OS to run test programs on: CMake's compiler checks build a static library instead.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(CAMP_ARM_CPU_FLAGS "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16"
    CACHE STRING "CPU flags of the Cortex-M target")
execute_process(COMMAND ${CMAKE_C_COMPILER} ${CAMP_ARM_CPU_FLAGS} -print-file-name=libc.a
                OUTPUT_VARIABLE _camp_arm_libc OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=picolibc.specs
                OUTPUT_VARIABLE _camp_arm_pico OUTPUT_STRIP_TRAILING_WHITESPACE)
set(_camp_arm_libc_flags "")
if(NOT IS_ABSOLUTE "${_camp_arm_libc}" AND IS_ABSOLUTE "${_camp_arm_pico}")
    set(_camp_arm_libc_flags "--specs=picolibc.specs")
endif()
set(CMAKE_C_FLAGS_INIT "${CAMP_ARM_CPU_FLAGS} ${_camp_arm_libc_flags} -ffunction-sections -fdata-sections")
set(CMAKE_ASM_FLAGS_INIT "${CAMP_ARM_CPU_FLAGS}")

# Libraries and headers of the target only; programs of the host.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
