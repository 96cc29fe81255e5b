/*
 * casia/export.h - symbol visibility for the libcasia public API.
 *
 * Every public function is declared with CASIA_API. The library is compiled
 * with -fvisibility=hidden, so only what carries this macro is exported.
 * Define CASIA_STATIC when linking the static library on Windows.
 */
#ifndef CASIA_EXPORT_H
#define CASIA_EXPORT_H

#if defined(_WIN32) && !defined(CASIA_STATIC)
#  if defined(CASIA_BUILDING)
#    define CASIA_API __declspec(dllexport)
#  else
#    define CASIA_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define CASIA_API __attribute__((visibility("default")))
#else
#  define CASIA_API
#endif

#if defined(__GNUC__) && (__GNUC__ > 3 || (__GNUC__ == 3 && __GNUC_MINOR__ >= 4))
#  define CASIA_WARN_UNUSED __attribute__((warn_unused_result))
#else
#  define CASIA_WARN_UNUSED
#endif

#endif /* CASIA_EXPORT_H */
