# `cpack -G DEB` in a release build folder: readygate_<version>_<arch>.deb with the five
# programs, ready-gate and their man pages. The shared-library dependencies are worked out by
# dpkg-shlibdeps from the binaries themselves (ready-gate is bash and needs nothing more); git
# is recommended, for --diff-base and --history.
set(CPACK_PACKAGE_NAME readygate)
set(CPACK_PACKAGE_VENDOR "readygate")
set(CPACK_PACKAGE_CONTACT "readygate maintainers <maintainers@readygate.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "production-readiness gate for CI")
# The Debian description: the summary, then this paragraph (CPack indents it).
set(CPACK_PACKAGE_DESCRIPTION "Five small programs that chain into one answer - is this ready to\n\
ship, and if not, exactly why: ready-scan (secrets, unsafe code,\n\
performance anti-patterns), ready-bench (HTTP load with honest\n\
percentiles), ready-healthcheck (probes, TLS, security headers),\n\
ready-score (an explainable score and gate) and ready-report (SARIF,\n\
JUnit, GitLab Code Quality, Markdown), plus ready-gate, which runs them\n\
all.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git, ca-certificates")  # ca-certificates: the probes' TLS
set(CPACK_GENERATOR DEB)
# The portable build (scripts/release.sh) also makes the release archive:
# readygate-VERSION-linux-ARCH.tar.gz, one top folder of that name holding bin/, lib/readygate/,
# share/. cmake/cpack_options.cmake sets what differs per generator.
if(READYGATE_PORTABLE)
  set(CPACK_GENERATOR TGZ DEB)
  set(CPACK_READYGATE_ARCHIVE_NAME "readygate-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")
  # The bundled libraries are the package's own: dpkg-shlibdeps reads their dependencies (glibc)
  # instead of asking which package ships them (relative: dpkg-shlibdeps runs in the staging tree).
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS usr/lib/readygate)
  # Bundling is deliberate (one package for Debian 11 to 13, whose library packages are named
  # differently): lintian's embedded-library tags are overridden, with that reason.
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
          RENAME readygate)
endif()
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_LIST_DIR}/cpack_options.cmake)
# Debian policy 12.5: every package carries its copyright file, machine-readable (DEP-5), at
# /usr/share/doc/<package>/copyright; the full licence text is Debian's common-licenses copy.
install(FILES ${CMAKE_CURRENT_LIST_DIR}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
# And its changelog (Debian's format; policy 12.7: changelog.gz for a native package), whose
# newest entry must be this version: a version bump needs its entry.
file(STRINGS ${CMAKE_CURRENT_LIST_DIR}/changelog newest LIMIT_COUNT 1)
if(NOT newest MATCHES "^readygate \\(${PROJECT_VERSION}\\) ")
  message(FATAL_ERROR "cmake/changelog starts with '${newest}': add an entry for ${PROJECT_VERSION}")
endif()
set(changelog ${PROJECT_BINARY_DIR}/changelog.gz)
add_custom_command(
  OUTPUT ${changelog}
  COMMAND sh -c "gzip -9n < \"$1\" > \"$2\"" sh ${CMAKE_CURRENT_LIST_DIR}/changelog ${changelog}
  DEPENDS ${CMAKE_CURRENT_LIST_DIR}/changelog
  VERBATIM)
add_custom_target(readygate-changelog ALL DEPENDS ${changelog})
install(FILES ${changelog} DESTINATION ${CMAKE_INSTALL_DOCDIR})
include(CPack)
