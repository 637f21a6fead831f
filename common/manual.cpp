#include "common/manual.hpp"

#include <cstdio>
#include <sstream>

#include "common/ascii.hpp"
#include "common/utf8.hpp"

namespace cs {

namespace po = boost::program_options;

namespace {

// One option as every rendering but --help needs it.
struct OptionDoc {
  std::string long_name;      // "limit"
  std::string short_name;     // "n", or empty
  std::string value;          // "N", or empty for a flag
  std::string default_value;  // "10", or empty
  std::string description;
};

std::vector<OptionDoc> option_docs(const po::options_description& options) {
  std::vector<OptionDoc> docs;
  for (const auto& option : options.options()) {
    OptionDoc doc;
    doc.long_name = option->long_name();
    // Boost names the short form "-n" when there is one, else falls back to the long name.
    const std::string dashed_short = option->canonical_display_name(po::command_line_style::allow_dash_for_short);
    if (dashed_short.size() == 2 && dashed_short[0] == '-') doc.short_name = dashed_short.substr(1);
    if (option->semantic()->max_tokens() > 0) {
      // Boost names the value "N (=10)" when the option has a default.
      doc.value = option->semantic()->name();
      // An optional value ("--serve [PORT]"): Boost writes "[=PORT(=8080)]"; the
      // description says what the option does without it.
      if (option->semantic()->min_tokens() == 0 && doc.value.starts_with("[=") && doc.value.ends_with(")]")) {
        doc.value = "[" + doc.value.substr(2, doc.value.find("(=") - 2) + "]";
      }
      if (const std::size_t at = doc.value.find(" (="); at != std::string::npos && doc.value.back() == ')') {
        doc.default_value = doc.value.substr(at + 3, doc.value.size() - at - 4);
        doc.value.erase(at);
      }
    }
    doc.description = option->description();
    docs.push_back(std::move(doc));
  }
  return docs;
}

enum class LineKind { kBlank, kText, kItem, kItemContinued, kLiteral };

LineKind kind_of(std::string_view line) {
  if (line.find_first_not_of(' ') == std::string_view::npos) return LineKind::kBlank;
  if (line.starts_with("    ")) return LineKind::kLiteral;
  if (line.starts_with("- ")) return LineKind::kItem;
  if (line.starts_with("  ")) return LineKind::kItemContinued;
  return LineKind::kText;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

// --- man(7) -------------------------------------------------------------------------------

// Text for a roff input line: backslashes and hyphens escaped (so options copy and paste as
// typed), anything beyond ASCII as a Unicode escape, and a leading control character made
// literal.
std::string roff(std::string_view text) {
  std::string out;
  if (!text.empty() && (text[0] == '.' || text[0] == '\'')) out = "\\&";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\\') {
      out += "\\e";
    } else if (byte == '-') {
      out += "\\-";
    } else if (byte < 0x80) {
      out.push_back(static_cast<char>(byte));
    } else {
      // A UTF-8 sequence: its code point as \[uXXXX]; an invalid byte as U+FFFD.
      char32_t code = 0xFFFD;
      const std::size_t length = utf8::decode(text, i, code);
      if (length == 0) code = 0xFFFD;
      i += length == 0 ? 0 : length - 1;
      char escape[16];
      std::snprintf(escape, sizeof escape, "\\[u%04X]", static_cast<unsigned>(code));
      out += escape;
    }
  }
  return out;
}

std::string trim_left(std::string_view line) {
  const std::size_t first = line.find_first_not_of(' ');
  return std::string(first == std::string_view::npos ? std::string_view{} : line.substr(first));
}

// Section text as man(7) requests: .PP paragraphs, .IP bullets set close together (.PD 0),
// literal lines in indented no-fill blocks.
void write_roff_text(std::ostringstream& out, std::string_view text) {
  bool in_literal = false;
  bool in_list = false;
  bool paragraph_open = false;
  for (const std::string_view line : split_lines(text)) {
    const LineKind kind = kind_of(line);
    if (kind != LineKind::kLiteral && in_literal) {
      out << ".fi\n.RE\n";
      in_literal = false;
    }
    if ((kind == LineKind::kText || kind == LineKind::kLiteral) && in_list) {
      out << ".PD\n";
      in_list = false;
    }
    switch (kind) {
      case LineKind::kBlank: paragraph_open = false; break;
      case LineKind::kLiteral:
        if (!in_literal) out << ".sp\n.RS 4\n.nf\n";
        in_literal = true;
        paragraph_open = false;
        out << roff(line.substr(4)) << '\n';
        break;
      case LineKind::kItem:
        if (!in_list) out << ".PD 0\n";
        in_list = true;
        out << ".IP \\(bu 2\n" << roff(line.substr(2)) << '\n';
        paragraph_open = true;
        break;
      case LineKind::kItemContinued:
      case LineKind::kText:
        if (!paragraph_open) out << ".PP\n";
        paragraph_open = true;
        out << roff(trim_left(line)) << '\n';
        break;
    }
  }
  if (in_literal) out << ".fi\n.RE\n";
  if (in_list) out << ".PD\n";
}

// --- Markdown -------------------------------------------------------------------------------

std::string markdown_cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += "\\|";
    else out.push_back(c);
  }
  return out;
}

std::string shell_function_name(std::string_view program) {
  std::string name = "_";
  for (const char c : program) name.push_back(c == '-' ? '_' : c);
  return name;
}

bool completes_file_names(std::string_view value) { return value == "FILE" || value == "DIR" || value == "QRELS"; }

}  // namespace

std::string render_help(const Manual& manual, const po::options_description& options) {
  std::ostringstream out;
  for (std::size_t i = 0; i < manual.synopsis.size(); ++i) {
    out << (i == 0 ? "Usage: " : "       ") << manual.program << ' ' << manual.synopsis[i] << '\n';
  }
  out << '\n' << manual.description << '\n';
  for (const ManualSection& section : manual.sections) {
    out << '\n' << section.title << ":\n";
    for (const std::string_view line : split_lines(section.text)) {
      if (kind_of(line) == LineKind::kBlank) out << '\n';
      else out << "  " << line << '\n';
    }
  }
  out << '\n' << options;
  return out.str();
}

std::string render_man_page(const Manual& manual, const po::options_description& options, std::string_view version,
                            std::string_view date) {
  std::ostringstream out;
  out << ".\\\" Generated by " << manual.program << " --generate man; edit the program's manual, not this file.\n";
  out << ".TH " << ascii_upper(manual.program) << " 1 \"" << date << "\" \"" << manual.program << ' ' << version
      << "\" \"User Commands\"\n";
  out << ".SH NAME\n" << roff(manual.program) << " \\- " << roff(manual.summary) << '\n';
  out << ".SH SYNOPSIS\n";
  for (std::size_t i = 0; i < manual.synopsis.size(); ++i) {
    if (i > 0) out << ".br\n";
    out << ".B " << roff(manual.program) << '\n' << roff(manual.synopsis[i]) << '\n';
  }
  out << ".SH DESCRIPTION\n";
  write_roff_text(out, manual.description);
  out << ".SH OPTIONS\n";
  for (const OptionDoc& option : option_docs(options)) {
    out << ".TP\n";
    if (!option.short_name.empty()) out << "\\fB\\-" << roff(option.short_name) << "\\fR, ";
    out << "\\fB\\-\\-" << roff(option.long_name) << "\\fR";
    if (!option.value.empty()) out << " \\fI" << roff(option.value) << "\\fR";
    out << '\n' << roff(option.description);
    if (!option.default_value.empty()) out << " (default: " << roff(option.default_value) << ')';
    out << '\n';
  }
  for (const ManualSection& section : manual.sections) {
    out << ".SH " << roff(ascii_upper(section.title)) << '\n';
    write_roff_text(out, section.text);
  }
  if (!manual.see_also.empty()) out << ".SH SEE ALSO\n" << roff(manual.see_also) << '\n';
  return out.str();
}

std::string render_bash_completion(const Manual& manual, const po::options_description& options) {
  const std::vector<OptionDoc> docs = option_docs(options);
  std::ostringstream out;
  const std::string function = shell_function_name(manual.program);
  out << "# bash completion for " << manual.program << ", generated by " << manual.program
      << " --generate complete-bash\n";
  out << function << "() {\n";
  out << "  local cur=${COMP_WORDS[COMP_CWORD]} prev=\n";
  out << "  (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}\n";
  out << "  # --option=value: bash splits it at '='\n";
  out << "  if [[ $cur == = ]]; then cur=; elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then "
         "prev=${COMP_WORDS[COMP_CWORD-2]}; fi\n";
  out << "  COMPREPLY=()\n";
  out << "  case $prev in\n";
  const auto spellings = [](const OptionDoc& option) {
    std::string names = "--" + option.long_name;
    if (!option.short_name.empty()) names += "|-" + option.short_name;
    return names;
  };
  std::string nothing_to_offer;  // options taking a value we cannot guess, such as a number
  for (const OptionDoc& option : docs) {
    if (option.value.empty()) continue;
    std::string words;
    for (const auto& [name, choices] : manual.choices) {
      if (name == option.long_name) words = choices;
    }
    if (option.long_name == "generate") {
      for (const std::string_view kind : kGeneratedKinds) words += (words.empty() ? "" : " ") + std::string(kind);
    }
    if (!words.empty()) {
      out << "    " << spellings(option) << ") mapfile -t COMPREPLY < <(compgen -W '" << words
          << "' -- \"$cur\"); return ;;\n";
    } else if (completes_file_names(option.value)) {
      out << "    " << spellings(option)
          << ") compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- \"$cur\"); return ;;\n";
    } else {
      nothing_to_offer += (nothing_to_offer.empty() ? "" : "|") + spellings(option);
    }
  }
  if (!nothing_to_offer.empty()) out << "    " << nothing_to_offer << ") return ;;\n";
  out << "  esac\n";
  out << "  if [[ $cur == -* ]]; then\n";
  out << "    mapfile -t COMPREPLY < <(compgen -W '";
  for (std::size_t i = 0; i < docs.size(); ++i) out << (i == 0 ? "" : " ") << "--" << docs[i].long_name;
  out << "' -- \"$cur\")\n";
  if (manual.operands_are_paths) {
    out << "  else\n";
    out << "    compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n";
  }
  out << "  fi\n";
  out << "}\n";
  out << "complete -F " << function << ' ' << manual.program << '\n';
  return out.str();
}

std::string render_markdown(const Manual& manual, const po::options_description& options) {
  std::ostringstream out;
  out << "### " << manual.program << "\n\n";
  for (const std::string_view usage : manual.synopsis) out << "    " << manual.program << ' ' << usage << '\n';
  out << "\n| option | what it does |\n|---|---|\n";
  for (const OptionDoc& option : option_docs(options)) {
    out << "| ";
    if (!option.short_name.empty()) out << '`' << '-' << option.short_name << "`, ";
    out << "`--" << option.long_name << (option.value.empty() ? "" : " " + option.value) << "` | "
        << markdown_cell(option.description);
    if (!option.default_value.empty()) out << " (default: " << markdown_cell(option.default_value) << ')';
    out << " |\n";
  }
  for (const ManualSection& section : manual.sections) {
    if (!section.in_readme) continue;
    out << "\n#### " << manual.program << ": " << section.title << "\n\n" << section.text;
    if (!section.text.ends_with('\n')) out << '\n';
  }
  return out.str();
}

std::string generated_kinds_phrase() {
  std::string phrase;
  for (std::size_t i = 0; i < kGeneratedKinds.size(); ++i) {
    if (i > 0) phrase += i + 1 == kGeneratedKinds.size() ? " or " : ", ";
    phrase += kGeneratedKinds[i];
  }
  return phrase;
}

std::optional<std::string> render_generated(std::string_view kind, const Manual& manual,
                                            const po::options_description& options, std::string_view version,
                                            std::string_view date) {
  if (kind == kGeneratedKinds[0]) return render_man_page(manual, options, version, date);
  if (kind == kGeneratedKinds[1]) return render_bash_completion(manual, options);
  if (kind == kGeneratedKinds[2]) return render_markdown(manual, options);
  return std::nullopt;
}

}  // namespace cs
