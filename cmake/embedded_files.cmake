# Files embedded into a library at build time, byte for byte, by the assembler's .incbin: one
# pair of labels per file, and a C++ function NAMESPACE::NAME() returning it as a string_view.
# The report's assets and the studio's page use it (tools/report, tools/serve).
#
# zorgsim_embedded_files(PREFIX NAMESPACE ENTRIES...): each entry NAME=FILE. Sets in the caller
# asm_lines (for the .incbin section), cpp_lines (the accessor functions) and asset_files (the
# files, for OBJECT_DEPENDS: the compiler's dependency scan does not see .incbin).
function(zorgsim_embedded_files prefix namespace)
  set(asm "")
  set(cpp "")
  set(files "")
  foreach(entry IN LISTS ARGN)
    string(REGEX MATCH "^[^=]*" name "${entry}")
    string(REGEX REPLACE "^[^=]*=" "" file "${entry}")
    list(APPEND files "${file}")
    set(symbol ${prefix}_${name})
    string(APPEND asm
           "    .globl ${symbol}_begin\n    .hidden ${symbol}_begin\n    .globl ${symbol}_end\n"
           "    .hidden ${symbol}_end\n${symbol}_begin:\n    .incbin \"${file}\"\n${symbol}_end:\n")
    string(APPEND cpp
           "extern \"C\" const char ${symbol}_begin[];\nextern \"C\" const char ${symbol}_end[];\n"
           "std::string_view ${namespace}::${name}() {\n"
           "    return {${symbol}_begin, static_cast<std::size_t>(${symbol}_end - ${symbol}_begin)};\n"
           "}\n")
  endforeach()
  set(asm_lines "${asm}" PARENT_SCOPE)
  set(cpp_lines "${cpp}" PARENT_SCOPE)
  set(asset_files "${files}" PARENT_SCOPE)
endfunction()
