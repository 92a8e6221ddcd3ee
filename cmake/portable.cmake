# READYGATE_PORTABLE: the build behind the release archive and its .deb (scripts/release.sh).
# The programs must run on a minimal system that has glibc and nothing else of ours:
# - libstdc++ and libgcc are linked statically, and so are the C++ libraries (RE2,
#   Boost.Program_options, pugixml), which would otherwise load a shared libstdc++ anyway;
# - every other shared library they load (libcurl and its own dependencies, OpenSSL, libpq,
#   mimalloc where Debian has it) is installed beside them in lib/readygate, found through an
#   $ORIGIN-relative RUNPATH: bin/../lib/readygate for the programs, and $ORIGIN for the bundled
#   libraries themselves (a RUNPATH applies to an object's own dependencies only, so each
#   bundled library gets one too, set with patchelf at install time);
# - glibc's own libraries (libc, libm, the loader…) are never bundled: they are the system's.
# Off, nothing changes: the programs link the system's libraries as usual.
if(READYGATE_PORTABLE)
  find_program(READYGATE_PATCHELF patchelf REQUIRED DOC "patchelf (Debian's patchelf), for the bundled libraries' RUNPATH")
endif()

# RE2 and pugixml as every target links them: shared, or in the portable build static (with
# Boost, set before find_package), so that no shared libstdc++ is loaded beside the static one.
add_library(readygate_re2 INTERFACE)
add_library(readygate_pugixml INTERFACE)
if(READYGATE_PORTABLE)
  find_library(READYGATE_RE2_STATIC libre2.a REQUIRED DOC "RE2's static library (libre2-dev)")
  target_include_directories(readygate_re2 INTERFACE ${RE2_INCLUDE_DIRS})
  target_link_libraries(readygate_re2 INTERFACE ${READYGATE_RE2_STATIC} Threads::Threads)
  target_link_libraries(readygate_pugixml INTERFACE pugixml::static)
else()
  target_link_libraries(readygate_re2 INTERFACE PkgConfig::RE2)
  target_link_libraries(readygate_pugixml INTERFACE pugixml::pugixml)
endif()

# Installs one program into bin; portable, with its link options and RUNPATH, and noted for
# readygate_install_bundle.
function(readygate_install_program target)
  install(TARGETS ${target} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  if(NOT READYGATE_PORTABLE)
    return()
  endif()
  set_property(GLOBAL APPEND PROPERTY READYGATE_PROGRAMS ${target})
  target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc -Wl,--enable-new-dtags)
  set_target_properties(${target} PROPERTIES INSTALL_RPATH "$ORIGIN/../lib/readygate")
endfunction()

# Installs the libraries the programs load into lib/readygate, each with RUNPATH $ORIGIN, and
# the licences of everything shipped (cmake/bundle_libraries.cmake, run at install time; CMake
# 3.18, Debian 11's, has no install(RUNTIME_DEPENDENCY_SET)).
function(readygate_install_bundle)
  if(NOT READYGATE_PORTABLE)
    return()
  endif()
  # The static libraries linked in, for their licences, by the real paths dpkg knows them by.
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libstdc++.a OUTPUT_VARIABLE libstdcxx
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  get_target_property(pugixml_static pugixml::static LOCATION)
  get_target_property(boost_static Boost::program_options LOCATION)
  set(static_libraries "")
  foreach(library IN ITEMS ${libstdcxx} ${READYGATE_RE2_STATIC} ${boost_static} ${pugixml_static})
    get_filename_component(real ${library} REALPATH)
    list(APPEND static_libraries ${real})
  endforeach()
  get_property(targets GLOBAL PROPERTY READYGATE_PROGRAMS)
  set(programs "")
  foreach(target IN LISTS targets)
    list(APPEND programs "$<TARGET_FILE:${target}>")
  endforeach()
  install(CODE "
    set(READYGATE_PROGRAMS \"${programs}\")
    set(READYGATE_STATIC_LIBRARIES \"${static_libraries}\")
    set(READYGATE_PATCHELF \"${READYGATE_PATCHELF}\")
    set(READYGATE_DOCDIR \"${CMAKE_INSTALL_DOCDIR}\")
    include(\"${CMAKE_CURRENT_FUNCTION_LIST_DIR}/bundle_libraries.cmake\")")
endfunction()
