# CS_SANITIZE=address,undefined builds every target with those sanitizers.
if(CS_SANITIZE)
  add_compile_options(-fsanitize=${CS_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${CS_SANITIZE})
endif()
