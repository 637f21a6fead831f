# Warnings for the project's own targets, as one INTERFACE target they link.
add_library(cs_warnings INTERFACE)
target_compile_options(cs_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Wunused -Woverloaded-virtual -Wconversion -Wsign-conversion
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(CS_WERROR)
  target_compile_options(cs_warnings INTERFACE -Werror)
endif()
