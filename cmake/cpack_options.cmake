# Read by cpack for each generator (CPACK_PROJECT_CONFIG_FILE): the release archive is a
# relocatable tree (bin/, lib/readygate/, share/) under one top folder; the .deb installs in /usr.
if(CPACK_GENERATOR STREQUAL "TGZ")
  set(CPACK_PACKAGING_INSTALL_PREFIX "/")
  set(CPACK_PACKAGE_FILE_NAME "${CPACK_READYGATE_ARCHIVE_NAME}")
  set(CPACK_INCLUDE_TOPLEVEL_DIRECTORY ON)
endif()
