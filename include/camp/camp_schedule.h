/* Interim header: the schedule module (issue 8) replaces this file and keeps
 * camp_tz_valid_name() with this signature. */
#ifndef CAMP_SCHEDULE_H
#define CAMP_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>

/**
 * @brief True when @p name (not NUL-terminated, @p len bytes) is a zone name in
 * the compiled IANA table: exact, case-sensitive match (canonical or link name).
 */
bool camp_tz_valid_name(const char *name, size_t len);

#endif
