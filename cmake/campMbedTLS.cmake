# Finds mbedTLS for libcamp's mbedTLS port and provides the imported targets
# MbedTLS::mbedtls, MbedTLS::mbedx509 and MbedTLS::mbedcrypto (the names mbedTLS 3.x's
# own CMake package uses; Debian's 2.28 ships none, so they are made here).
# In: MBEDTLS_PREFIX (optional hint). Out: camp_MbedTLS_FOUND.
# Used by CMakeLists.txt and, once installed, by campConfig.cmake.
set(camp_MbedTLS_FOUND FALSE)
if(TARGET MbedTLS::mbedtls AND TARGET MbedTLS::mbedx509 AND TARGET MbedTLS::mbedcrypto)
    set(camp_MbedTLS_FOUND TRUE)
    return()
endif()
find_package(MbedTLS CONFIG QUIET HINTS ${MBEDTLS_PREFIX})
if(TARGET MbedTLS::mbedtls AND TARGET MbedTLS::mbedx509 AND TARGET MbedTLS::mbedcrypto)
    set(camp_MbedTLS_FOUND TRUE)
    return()
endif()

set(_camp_mbedtls_hints "")
if(MBEDTLS_PREFIX)
    set(_camp_mbedtls_hints HINTS "${MBEDTLS_PREFIX}")
endif()
find_path(CAMP_MBEDTLS_INCLUDE_DIR mbedtls/ssl.h ${_camp_mbedtls_hints} PATH_SUFFIXES include)
find_library(CAMP_MBEDTLS_LIBRARY mbedtls ${_camp_mbedtls_hints} PATH_SUFFIXES lib)
find_library(CAMP_MBEDX509_LIBRARY mbedx509 ${_camp_mbedtls_hints} PATH_SUFFIXES lib)
find_library(CAMP_MBEDCRYPTO_LIBRARY mbedcrypto ${_camp_mbedtls_hints} PATH_SUFFIXES lib)
if(NOT (CAMP_MBEDTLS_INCLUDE_DIR AND CAMP_MBEDTLS_LIBRARY AND CAMP_MBEDX509_LIBRARY
        AND CAMP_MBEDCRYPTO_LIBRARY))
    return()
endif()
# _camp_mbedtls_global is GLOBAL inside libcamp's own build, so that projects that pull
# libcamp in with add_subdirectory see the targets too.
foreach(_lib mbedcrypto mbedx509 mbedtls)
    string(TOUPPER "${_lib}" _up)
    if(NOT TARGET MbedTLS::${_lib})
        add_library(MbedTLS::${_lib} UNKNOWN IMPORTED ${_camp_mbedtls_global})
        set_target_properties(MbedTLS::${_lib} PROPERTIES
            IMPORTED_LOCATION "${CAMP_${_up}_LIBRARY}"
            INTERFACE_INCLUDE_DIRECTORIES "${CAMP_MBEDTLS_INCLUDE_DIR}")
    endif()
endforeach()
set_property(TARGET MbedTLS::mbedx509 APPEND PROPERTY INTERFACE_LINK_LIBRARIES MbedTLS::mbedcrypto)
set_property(TARGET MbedTLS::mbedtls APPEND PROPERTY INTERFACE_LINK_LIBRARIES MbedTLS::mbedx509)
set(camp_MbedTLS_FOUND TRUE)
