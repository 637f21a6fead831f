# CS_SANITIZE=address,undefined builds every target with those sanitizers.
if(CS_SANITIZE)
  add_compile_options(-fsanitize=${CS_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${CS_SANITIZE})
  # Tests that sweep thousands of generated inputs check fewer of them here (see
  # tests/unit/searcher/rank/scoring_inputs.hpp); the normal build checks them all.
  add_compile_definitions(CS_SANITIZED_BUILD)
endif()
# CS_FUZZ instruments every target for libFuzzer's coverage feedback; only the fuzz targets
# link libFuzzer itself (tests/fuzz/CMakeLists.txt), so the test suite builds alongside.
if(CS_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CS_FUZZ needs clang (CXX=clang++); libFuzzer is part of clang")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
