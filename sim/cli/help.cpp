// cmhsim's help pages: synopses built from the declared options, wrapped text, option lists.
// Knows page layout; the words come from the command table and the option declarations.
#include "cli/help.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

#include "cli/command_table.hpp"
#include "cli/exit_codes.hpp"

namespace cmhsim::cli {
namespace {

constexpr std::size_t kWidth = 90;

/// Returns the words of `text`, split at spaces.
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

/// Returns `words` after `lead`, wrapped at kWidth with later lines indented by `indent`; each
/// broken line ends with `line_end`.
std::string wrap(const std::vector<std::string>& words, const std::string& lead, std::size_t indent,
                 const std::string& line_end = "") {
  std::string out = lead;
  std::size_t column = lead.size();
  bool line_empty = true;
  for (const auto& w : words) {
    if (!line_empty && column + 1 + w.size() + line_end.size() > kWidth) {
      out += line_end + "\n" + std::string(indent, ' ');
      column = indent;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++column;
    }
    out += w;
    column += w.size();
    line_empty = false;
  }
  return out + "\n";
}

/// Returns the words of a command line, each option kept together with its value.
std::vector<std::string> command_words(const std::string& command) {
  std::vector<std::string> words;
  for (auto& w : words_of(command)) {
    const bool value = !words.empty() && words.back().front() == '-' &&
                       words.back().find(' ') == std::string::npos && w.front() != '-';
    if (value) {
      words.back() += " " + w;
    } else {
      words.push_back(std::move(w));
    }
  }
  return words;
}

/// Returns the options a page lists: every named option but those kept out of sight.
std::vector<const CLI::Option*> listed_options(const CLI::App& app) {
  return app.get_options(
      [](const CLI::Option* opt) { return opt->nonpositional() && !opt->get_group().empty(); });
}

/// Returns true when the option takes a value (flags do not).
bool takes_value(const CLI::Option& opt) { return opt.get_expected_max() != 0; }

/// Returns true when the option may be given again, each time adding a value.
bool repeatable(const CLI::Option& opt) {
  return opt.get_expected_max() >= CLI::detail::expected_max_vector_size;
}

/// Returns how the synopsis writes an option, e.g. "[--seed S]" or "--csv DIR" when required.
std::string synopsis_token(const CLI::Option& opt) {
  std::string token =
      opt.get_lnames().empty() ? "-" + opt.get_snames().front() : "--" + opt.get_lnames().front();
  if (takes_value(opt)) token += " " + opt.get_type_name();
  if (repeatable(opt)) token += " ...";
  return opt.get_required() ? token : "[" + token + "]";
}

/// Returns an option's names and value as the option list shows them: "-o, --output OUT.h5".
std::string option_label(const CLI::Option& opt) {
  std::string label;
  for (const auto& s : opt.get_snames()) label += "-" + s + ", ";
  // Long-only options line up with the long names of those that also have a short one.
  if (label.empty()) label = "    ";
  for (const auto& l : opt.get_lnames()) label += "--" + l + ", ";
  label.resize(label.size() - 2);
  if (takes_value(opt)) label += " " + opt.get_type_name();
  return label;
}

/// Returns an option's description with its default, if it has one.
std::string option_description(const CLI::Option& opt) {
  std::string text = opt.get_description();
  if (!opt.get_default_str().empty()) text += " (default: " + opt.get_default_str() + ")";
  if (opt.get_required()) text += " (required)";
  return text;
}

/// Returns the command's synopsis: "  cmhsim NAME OPERANDS [--option VALUE] ...", wrapped.
std::string synopsis(const CLI::App& command, const CommandEntry& entry) {
  const std::string lead = "  cmhsim " + std::string(entry.name) + " ";
  // The file arguments stay together on the first line.
  std::vector<std::string> tokens;
  if (*entry.operands != '\0') tokens.emplace_back(entry.operands);
  for (const auto* opt : listed_options(command)) {
    if (opt != command.get_help_ptr()) tokens.push_back(synopsis_token(*opt));
  }
  return wrap(tokens, lead, lead.size());
}

/// Returns the page `cmhsim COMMAND --help` prints.
std::string command_page(const CLI::App& app, const CommandEntry& entry) {
  std::string page = "Usage:\n" + synopsis(app, entry) + "\nOptions:\n";
  const auto options = listed_options(app);
  std::size_t column = 0;
  for (const auto* opt : options) column = std::max(column, option_label(*opt).size());
  column += 4;  // two spaces of indent, two between the label and the description
  for (const auto* opt : options) {
    std::string lead = "  " + option_label(*opt);
    lead.resize(column, ' ');
    page += wrap(words_of(option_description(*opt)), lead, column);
  }
  page += "\n" + wrap(words_of(entry.details), "", 0);
  page += entry.examples.size() > 1 ? "\nExamples:\n" : "\nExample:\n";
  // Long examples continue with a backslash, so they still paste into a shell.
  for (const char* example : entry.examples) page += wrap(command_words(example), "  ", 6, " \\");
  return page;
}

/// Returns the page `cmhsim --help` prints.
std::string top_level_page(const CLI::App& root) {
  std::string page = "cmhsim - " + root.get_description() + "\n\nUsage:\n";
  std::size_t name_width = 0;
  for (const auto& entry : command_table()) {
    page += synopsis(*root.get_subcommand(entry.name), entry);
    name_width = std::max(name_width, std::string(entry.name).size());
  }
  page += "  cmhsim --help | --version\n\nCommands:\n";
  for (const auto& entry : command_table()) {
    std::string lead = "  " + std::string(entry.name);
    lead.resize(name_width + 5, ' ');
    page += wrap(words_of(entry.summary), lead, lead.size());
  }
  page += "\nRun 'cmhsim COMMAND --help' for a command's options and examples.\n";
  // Each code stays on one line with its meaning.
  page += wrap({"Exit codes:", std::to_string(kExitOk) + " success,",
                std::to_string(kExitFailure) + " run failure (e.g. cannot write output),",
                std::to_string(kExitBadInput) + " bad input,",
                std::to_string(kExitInterrupted) + " interrupted (a sweep resumes with --resume)."},
               "", 12);
  return page;
}

}  // namespace

std::string HelpFormatter::make_help(const CLI::App* app, std::string, CLI::AppFormatMode) const {
  if (app->get_parent() == nullptr) return top_level_page(*app);
  const CommandEntry* entry = find_command(app->get_name());
  return entry != nullptr ? command_page(*app, *entry) : CLI::Formatter::make_help(app, "", {});
}

}  // namespace cmhsim::cli
