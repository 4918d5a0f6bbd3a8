# The Debian package `etagere` (CPack's DEB generator): the app, etagere-cli, etagere-server
# and what packaging/CMakeLists.txt installs. `cmake --workflow --preset package` makes it in
# build/package/. Included from the top CMakeLists.txt after every install() rule.

set(ETAGERE_PACKAGE_MAINTAINER "The Etagere developers" CACHE STRING
    "The Maintainer of the Debian package: \"Name <address>\"")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME etagere)
set(CPACK_PACKAGE_VENDOR "The Etagere developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION [=[
Etagere is a desktop app in which a team edits shared records together, live.
Records live in collections with a typed schema (text, numbers, dates, choices,
check boxes) and are shown in tables. Every edit goes to a server, which passes
it on at once to everyone else who has the collection open. When two people
change the same field differently, Etagere shows both values side by side and
asks which one to keep; edits wait in a local journal while the server cannot
be reached.

The package contains the desktop app (etagere), the server (etagere-server,
with a systemd unit) and a command-line client (etagere-cli).]=])
set(CPACK_PACKAGE_INSTALL_DIRECTORY etagere)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${ETAGERE_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Homepage: project()'s HOMEPAGE_URL, once the project has one.
# dpkg-shlibdeps finds the libraries the executables link (Qt, libc, libstdc++). It cannot
# see the plugins Qt loads at run time: QSQLITE, the database driver of the journal and of
# the server, comes from libqt6sql6-sqlite. The X11 platform plugin (xcb), the TLS backends
# and the image formats are in libqt6gui6 and libqt6network6, which the scan finds;
# qt6-wayland makes the app a native Wayland client, qt6-qpa-plugins holds only the vnc
# platform and tuio touch plugins.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/postinst
    ${PROJECT_SOURCE_DIR}/packaging/debian/prerm
    ${PROJECT_SOURCE_DIR}/packaging/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
