# Every third-party dependency, found from Debian packages and exposed as one target each.
find_package(xapian 1.4.3 REQUIRED CONFIG)  # 1.4.3: get_document with DOC_ASSUME_VALID
if(NOT TARGET cs::xapian)
  add_library(cs::xapian INTERFACE IMPORTED)
  target_include_directories(cs::xapian SYSTEM INTERFACE ${XAPIAN_INCLUDE_DIR})
  target_link_libraries(cs::xapian INTERFACE ${XAPIAN_LIBRARIES})
endif()

find_package(ICU 67 REQUIRED COMPONENTS uc i18n data)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(yaml-cpp 0.6 REQUIRED CONFIG)
find_package(nlohmann_json 3.9 REQUIRED CONFIG)
# Debian's cmark CMake config requires the cmark program; pkg-config needs only the library.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CMARK REQUIRED IMPORTED_TARGET libcmark>=0.29)
add_library(cs::cmark ALIAS PkgConfig::CMARK)
# xxHash (Debian libxxhash-dev): content hashes of indexed files and articles, so a re-run
# reads only what changed. XXH3 hashes at memory speed.
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash>=0.8)
add_library(cs::xxhash ALIAS PkgConfig::XXHASH)
# cs-search --serve: Debian's cpp-httplib, built as a shared library (the HTTP parsing and
# the thread pool are its own).
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib>=0.11)
add_library(cs::httplib ALIAS PkgConfig::HTTPLIB)
# GMime (Debian libgmime-3.0-dev): the MIME parser that opens a page saved as one file
# (.mhtml, .mht), decoding its quoted-printable or base64 HTML part and its charset.
pkg_check_modules(GMIME REQUIRED IMPORTED_TARGET gmime-3.0>=3.2)
add_library(cs::gmime ALIAS PkgConfig::GMIME)
# libxml2: the HTML parser (HTML pages) and the XML parser (RSS and Atom feeds).
find_package(LibXml2 2.9 REQUIRED)
# simdjson (Debian libsimdjson-dev): reads the stored article records, ten to a hundred a
# query (a hit's and its story members'), about six times as fast as nlohmann's parser.
find_package(simdjson 3 REQUIRED CONFIG)
# Zstandard (Debian libzstd-dev): passage texts and article records are stored compressed
# (common/compact_text.hpp).
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd>=1.4)
add_library(cs::zstd ALIAS PkgConfig::ZSTD)
# A command that sets the target property CS_STATIC_DEPENDENCIES links these libraries from
# their Debian archives (.a) instead of loading them at start: cs-search and
# cs-search-serve, whose one-query command is a user's wait. Loading ICU, Boost and the rest
# as shared objects cost 0.8 to 1.3 ms of a 5.5 to 7 ms `cs-search QUERY` (perf stat, news
# 1x, issue 23), most of it ICU's: the loader maps each and resolves its symbols at every
# start. Every other program links the shared ones: the tests, and cs-index, whose libxml2
# loads the shared ICU anyway (two ICUs in one process would each keep their own state).
# Both are built against the same ICU package, but an upgrade of the system's ICU reaches
# cs-index at once and cs-search at its next build: rebuild both together. Without the
# archives (another distribution), or with -DCS_STATIC_DEPENDENCIES=OFF, every program
# links the shared libraries. The archives' licences are installed with the package
# (CsInstall.cmake).
option(CS_STATIC_DEPENDENCIES "link cs-search's ICU, Boost, Zstandard and xxHash from their archives" ON)
set(cs_wants_static "$<BOOL:$<TARGET_PROPERTY:CS_STATIC_DEPENDENCIES>>")
set(cs_static_archives)  # every archive a program may link, for the licence files
# `name`: an interface target standing for `shared`, or for the archives (ARGN, in link
# order, looked for beside the shared library first) in a program with the property.
function(cs_add_dependency name shared)
  set(archives)
  set(shared_dir)
  get_target_property(shared_type ${shared} TYPE)
  if(NOT shared_type STREQUAL "INTERFACE_LIBRARY")  # pkg-config's targets name no file
    get_target_property(shared_location ${shared} LOCATION)
    get_filename_component(shared_dir "${shared_location}" DIRECTORY)
  endif()
  foreach(archive IN LISTS ARGN)
    find_library(CS_ARCHIVE_${archive} NAMES lib${archive}.a HINTS ${shared_dir})
    if(NOT CS_ARCHIVE_${archive})
      message(STATUS "lib${archive}.a not found: ${shared} is linked shared everywhere")
      set(archives)
      break()
    endif()
    list(APPEND archives ${CS_ARCHIVE_${archive}})
  endforeach()
  add_library(${name} INTERFACE)
  target_include_directories(${name} SYSTEM INTERFACE $<TARGET_PROPERTY:${shared},INTERFACE_INCLUDE_DIRECTORIES>)
  if(NOT CS_STATIC_DEPENDENCIES OR NOT archives)
    target_link_libraries(${name} INTERFACE ${shared})
    return()
  endif()
  foreach(archive IN LISTS archives)
    target_link_libraries(${name} INTERFACE "$<${cs_wants_static}:${archive}>")
  endforeach()
  target_link_libraries(${name} INTERFACE "$<$<NOT:${cs_wants_static}>:${shared}>")
  set(cs_static_archives ${cs_static_archives} ${ARGN} PARENT_SCOPE)
endfunction()
cs_add_dependency(cs_linked_icu_uc ICU::uc icuuc icudata)
cs_add_dependency(cs_linked_program_options Boost::program_options boost_program_options)
cs_add_dependency(cs_linked_zstd PkgConfig::ZSTD zstd)
cs_add_dependency(cs_linked_xxhash PkgConfig::XXHASH xxhash)
# jemalloc (Debian libjemalloc-dev): cs-index's allocator (indexer/allocator.cpp). Not with
# sanitizers, which bring their own.
if(NOT CS_SANITIZE)
  pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc>=5)
  add_library(cs::jemalloc ALIAS PkgConfig::JEMALLOC)
endif()
# Makes every allocation of `target`'s process jemalloc's, configured as indexer/allocator.cpp
# says: the executable names it before the C library, so its malloc is the one found, and no
# symbol of it is named, so it is kept needed whatever the linker's --as-needed default.
function(cs_allocate_with_jemalloc target)
  if(TARGET cs::jemalloc)
    target_sources(${target} PRIVATE ${PROJECT_SOURCE_DIR}/indexer/allocator.cpp)
    target_link_libraries(${target} PRIVATE "-Wl,--push-state,--no-as-needed" cs::jemalloc "-Wl,--pop-state")
  endif()
endfunction()
# zlib (zlib1g-dev): bench/xapian_floor's reference for storing text deflated.
find_package(ZLIB 1.2 REQUIRED)
# CLD2 (Debian libcld2-dev): the language of articles that do not declare one. Debian ships
# no CMake or pkg-config file for it.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY cld2 REQUIRED)
add_library(cs::cld2 INTERFACE IMPORTED)
target_include_directories(cs::cld2 SYSTEM INTERFACE ${CLD2_INCLUDE_DIR})
target_link_libraries(cs::cld2 INTERFACE ${CLD2_LIBRARY})
find_package(Threads REQUIRED)

if(CS_BUILD_TESTS)
  find_package(GTest 1.10 REQUIRED CONFIG)
endif()
if(CS_BUILD_BENCHMARKS)
  find_package(benchmark 1.5 REQUIRED CONFIG)
endif()
