# Run by `cmake --install` (and cpack) in the portable build (cmake/portable.cmake sets the
# READYGATE_* variables): copies every shared library the programs load, but glibc's, into
# PREFIX/lib/readygate with its symlink chain, gives each its own RUNPATH $ORIGIN (a RUNPATH
# serves an object's own dependencies only), and puts the Debian copyright file of every
# library shipped, bundled or linked in statically, in PREFIX/DOCDIR/bundled.
set(destination "${CMAKE_INSTALL_PREFIX}/lib/readygate")
set(staged "$ENV{DESTDIR}${destination}")

file(GET_RUNTIME_DEPENDENCIES
  EXECUTABLES ${READYGATE_PROGRAMS}
  RESOLVED_DEPENDENCIES_VAR bundled
  UNRESOLVED_DEPENDENCIES_VAR unresolved
  # glibc's libraries and the kernel's vDSO stay the system's.
  PRE_EXCLUDE_REGEXES "^ld-linux" "^linux-vdso" "^lib(c|m|dl|pthread|rt|resolv|util|anl|nsl|BrokenLocale|crypt)[.]so"
  POST_EXCLUDE_REGEXES "/ld-linux[^/]*$")
if(unresolved)
  message(FATAL_ERROR "the programs need libraries this system does not have: ${unresolved}")
endif()

set(patterns ${READYGATE_STATIC_LIBRARIES})
foreach(library IN LISTS bundled)
  file(INSTALL "${library}" DESTINATION "${destination}" FOLLOW_SYMLINK_CHAIN)
  get_filename_component(name "${library}" NAME)
  get_filename_component(real "${library}" REALPATH)
  get_filename_component(real_name "${real}" NAME)
  execute_process(COMMAND "${READYGATE_PATCHELF}" --set-rpath "$ORIGIN" "${staged}/${real_name}"
                  RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "patchelf could not set the RUNPATH of ${staged}/${real_name}")
  endif()
  list(APPEND patterns "*/${name}")
endforeach()

set(licences "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/${READYGATE_DOCDIR}/bundled")
file(MAKE_DIRECTORY "${licences}")
foreach(pattern IN LISTS patterns)
  execute_process(COMMAND dpkg-query -S "${pattern}" OUTPUT_VARIABLE owner ERROR_QUIET)
  string(REGEX REPLACE "[:,].*" "" package "${owner}")
  if(package AND EXISTS "/usr/share/doc/${package}/copyright")
    configure_file("/usr/share/doc/${package}/copyright" "${licences}/${package}.copyright" COPYONLY)
  endif()
endforeach()
