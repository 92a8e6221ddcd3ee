# `cpack -G DEB` in a release build folder: readygate_<version>_<arch>.deb with the five
# programs, ready-gate and their man pages. The shared-library dependencies are worked out by
# dpkg-shlibdeps from the binaries themselves (ready-gate is bash and needs nothing more); git
# is recommended, for --diff-base and --history.
set(CPACK_PACKAGE_NAME readygate)
set(CPACK_PACKAGE_VENDOR "readygate")
set(CPACK_PACKAGE_CONTACT "readygate maintainers <maintainers@readygate.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "production-readiness gate for CI")
# The Debian description: the summary, then this paragraph (CPack indents it).
set(CPACK_PACKAGE_DESCRIPTION "Five small programs that chain into one answer - is this ready\n\
to ship, and if not, exactly why: ready-scan (secrets, unsafe code, performance\n\
anti-patterns), ready-bench (HTTP load with honest percentiles), ready-healthcheck\n\
(probes, TLS, security headers), ready-score (an explainable score and gate) and\n\
ready-report (SARIF, JUnit, GitLab Code Quality, Markdown), plus ready-gate, which\n\
runs them all.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git")
set(CPACK_GENERATOR DEB)
# Debian policy 12.5: every package carries its copyright file, machine-readable (DEP-5), at
# /usr/share/doc/<package>/copyright; the full licence text is Debian's common-licenses copy.
install(FILES ${CMAKE_CURRENT_LIST_DIR}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
include(CPack)
