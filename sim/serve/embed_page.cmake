# Writes OUTPUT, a C++ source defining cmhsim::serve::page_html() with INPUT's text, so the page
# is part of the binary and needs no file at run time. Run with cmake -P.
file(READ ${INPUT} content)
string(FIND "${content}" ")cmhsim_page\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )cmhsim_page\"")
endif()
file(WRITE ${OUTPUT}.tmp
  "// Generated from sim/serve/page/index.html by sim/serve/embed_page.cmake; do not edit.\n"
  "#include \"serve/page.hpp\"\n\nnamespace cmhsim::serve {\n\n"
  "std::string_view page_html() {\n"
  "  static constexpr char kPage[] = R\"cmhsim_page(${content})cmhsim_page\";\n"
  "  return {kPage, sizeof kPage - 1};\n}\n\n}  // namespace cmhsim::serve\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
