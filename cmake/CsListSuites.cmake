# Run after a test binary is built (see cs_add_suite_tests in tests/CMakeLists.txt): lists
# its test suites and writes one ctest test per suite, running that suite's tests in one
# process, so a suite's SetUpTestSuite (a corpus indexed once) runs once, not once a test.
#
# In: BINARY, OUTPUT, PREFIX (the tests' name prefix), LABEL, ENVIRONMENT (may be empty).
execute_process(COMMAND "${BINARY}" --gtest_list_tests
                OUTPUT_VARIABLE listing RESULT_VARIABLE listed ERROR_VARIABLE errors)
if(NOT listed EQUAL 0)
  message(FATAL_ERROR "cannot list the tests of ${BINARY}: ${errors}")
endif()
string(REPLACE "\n" ";" lines "${listing}")
set(content "")
foreach(line IN LISTS lines)
  # A suite's line is not indented and ends its name with '.' ("ScaleOut." or
  # "Files/ReaderGolden.  # TypeParam = ..."); its tests follow, indented.
  if(line MATCHES "^([^ #]+)\\.")
    set(suite "${CMAKE_MATCH_1}")
    set(name "${PREFIX}.${suite}")
    string(APPEND content "add_test([==[${name}]==] [==[${BINARY}]==] [==[--gtest_filter=${suite}.*]==])\n")
    string(APPEND content "set_tests_properties([==[${name}]==] PROPERTIES LABELS [==[${LABEL}]==])\n")
    if(ENVIRONMENT)
      string(APPEND content "set_tests_properties([==[${name}]==] PROPERTIES ENVIRONMENT [==[${ENVIRONMENT}]==])\n")
    endif()
  endif()
endforeach()
file(WRITE "${OUTPUT}" "${content}")
