/**
 * @file camp_version.h
 * @brief libcamp version: the one place the version is written.
 *
 * The Makefile, CMakeLists.txt and the pkg-config files read the version from
 * the three numbers below; everything else derives from this header.
 * CAMP_VERSION_STRING must spell the same numbers (a test checks it).
 */
#ifndef CAMP_VERSION_H
#define CAMP_VERSION_H

#ifdef __cplusplus
extern "C" {
#endif

/** Major version: changes when the API or the ABI breaks. */
#define CAMP_VERSION_MAJOR 0
/** Minor version: new features, source compatible. */
#define CAMP_VERSION_MINOR 1
/** Patch version: fixes only. */
#define CAMP_VERSION_PATCH 0
/** The version as text, "MAJOR.MINOR.PATCH" (also sent in the User-Agent header). */
#define CAMP_VERSION_STRING "0.1.0"
/** The version as one comparable number: 0xMMmmpp (major, minor, patch). */
#define CAMP_VERSION_NUMBER                                                                        \
    ((CAMP_VERSION_MAJOR * 65536L) + (CAMP_VERSION_MINOR * 256L) + CAMP_VERSION_PATCH)

/**
 * @brief Version of the library that was linked, as text.
 *
 * Compare it with CAMP_VERSION_STRING to detect headers and an archive from
 * different releases.
 *
 * @return "MAJOR.MINOR.PATCH" of the archive, a static string; never NULL.
 */
const char *camp_version(void);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_VERSION_H */
