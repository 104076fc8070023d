#include "docgen.hpp"

#include <cctype>
#include <set>

#include <fmt/format.h>

#include "config.hpp"
#include "corpus_scan/normalizer.hpp"

namespace corpus_scan::cli {

namespace {

std::vector<const CLI::App*> subcommands_of(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

std::vector<const CLI::Option*> named_options(const CLI::App& app) {
  return app.get_options([](const CLI::Option* o) { return !o->get_lnames().empty() || !o->get_snames().empty(); });
}

std::vector<std::string> option_spellings(const CLI::Option* opt) {
  std::vector<std::string> names;
  for (const std::string& s : opt->get_snames()) names.push_back("-" + s);
  for (const std::string& l : opt->get_lnames()) names.push_back("--" + l);
  return names;
}

bool takes_value(const CLI::Option* opt) { return opt->get_expected_min() > 0; }

// The value's name for a synopsis: "UINT" from "UINT:UINT in [0 - 1024]", "FILE", "K/N".
std::string value_name(const CLI::Option* opt) {
  std::string type = opt->get_type_name();
  type = type.substr(0, type.find(':'));
  return type.empty() ? "VALUE" : type;
}

// Values an option accepts, when they form a closed set: the normalizer kinds, or the choices of a
// CLI::IsMember check (which CLI11 shows as "TEXT:{a,b,c}").
std::vector<std::string> value_choices(const CLI::Option* opt) {
  std::vector<std::string> choices;
  const std::string& name = opt->get_lnames().empty() ? std::string() : opt->get_lnames().front();
  if (name == "disable" || name == "only") {
    for (EditKind k : all_kinds()) choices.emplace_back(kind_name(k));
    return choices;
  }
  const std::string type = opt->get_type_name();
  const auto open = type.find('{'), close = type.find('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return choices;
  std::string list = type.substr(open + 1, close - open - 1);
  for (std::size_t at = 0; at <= list.size();) {
    const std::size_t comma = std::min(list.find(',', at), list.size());
    std::string item = list.substr(at, comma - at);
    item.erase(0, item.find_first_not_of(' '));
    if (!item.empty()) choices.push_back(item);
    at = comma + 1;
  }
  return choices;
}

bool wants_file(const CLI::Option* opt) { return value_name(opt) == "FILE"; }

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(sep)) + item;
  return out;
}

// ---- man page (roff) ----

std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

void man_options(const CLI::App& app, std::string& out) {
  for (const CLI::Option* opt : named_options(app)) {
    std::vector<std::string> names;
    for (const std::string& n : option_spellings(opt)) names.push_back("\\fB" + roff(n) + "\\fR");
    std::string head = join(names, ", ");
    if (takes_value(opt)) head += " \\fI" + roff(value_name(opt)) + "\\fR";
    out += ".TP\n" + head + "\n" + roff(opt->get_description());
    const std::vector<std::string> choices = value_choices(opt);
    if (!choices.empty() && opt->get_description().find(choices.front()) == std::string::npos)
      out += "\n.br\nValues: " + roff(join(choices, ", ")) + ".";
    if (!opt->get_envname().empty()) out += "\n.br\nEnvironment: \\fB" + roff(opt->get_envname()) + "\\fR.";
    out += "\n";
  }
  for (const CLI::Option* opt : app.get_options([](const CLI::Option* o) { return o->get_positional(); }))
    out += ".TP\n\\fI" + roff(opt->get_name(true)) + "\\fR\n" + roff(opt->get_description()) + "\n";
}

std::string man_page(const CLI::App& app) {
  std::string out = fmt::format(".TH CORPUS\\-SCAN 1 \"\" \"corpus\\-scan {}\" \"User Commands\"\n", CORPUS_SCAN_VERSION);
  out += ".SH NAME\ncorpus\\-scan \\- split multi\\-article dumps of machine\\-translated news into articles, "
         "repair MT artifacts, and report statistics as JSON Lines\n";
  out += ".SH SYNOPSIS\n";
  for (const CLI::App* sub : subcommands_of(app)) {
    out += ".B corpus\\-scan\n.B " + roff(sub->get_name()) + "\n[\\fIOPTIONS\\fR]";
    for (const CLI::Option* opt : sub->get_options([](const CLI::Option* o) { return o->get_positional(); })) {
      std::string name = opt->get_name(true);
      for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out += " [\\fI" + roff(name) + "\\fR" + (opt->get_expected_max() > 1 ? "...]" : "]");
    }
    out += "\n.br\n";
  }
  out += ".SH DESCRIPTION\n" + roff(app.get_description()) + "\n";
  out += ".PP\nRecords go to standard output, one JSON object a line; logs and the progress bar go to standard "
         "error. Run \\fBcorpus\\-scan\\fR \\fISUBCOMMAND\\fR \\fB\\-\\-help\\fR for a subcommand's options.\n";
  out += ".SH GLOBAL OPTIONS\nThese may come before or after the subcommand.\n";
  man_options(app, out);
  out += ".SH SUBCOMMANDS\n";
  for (const CLI::App* sub : subcommands_of(app)) {
    out += ".SS \"corpus\\-scan " + roff(sub->get_name()) + "\"\n" + roff(sub->get_description()) + "\n";
    man_options(*sub, out);
    if (!sub->get_footer().empty()) out += ".PP\n.nf\n" + roff(sub->get_footer()) + "\n.fi\n";
  }
  out += R"(.SH CONFIGURATION
Any option listed with an environment variable may also be set in a TOML (or INI) file: keys before
any section apply to every subcommand that has the option, keys in a \fB[scan]\fR (etc.) section to
that subcommand only, e.g.
.PP
.nf
threads = 4
[scan]
disable = ["glued\-words"]
.fi
.PP
Precedence, highest first: command line, environment, config file, built\-in default.
\fB\-\-print\-config\fR shows the settings in force and where each came from.
.SH ENVIRONMENT
.TP
.B CORPUS_SCAN_CONFIG
The config file to read; it must exist.
.TP
.B CORPUS_SCAN_\fIOPTION\fR
The default of the long option \fIOPTION\fR, upper case, with \- as _ (e.g. \fBCORPUS_SCAN_THREADS=4\fR).
.TP
.B NO_COLOR
When set and not empty, nothing on standard error is coloured.
.SH FILES
.TP
.I $XDG_CONFIG_HOME/corpus\-scan/config.toml
(default \fI~/.config/corpus\-scan/config.toml\fR) read when it exists and neither \fB\-\-config\fR nor
\fBCORPUS_SCAN_CONFIG\fR names another file.
.SH EXIT STATUS
.TP
.B 0
every input was processed;
.TP
.B 1
the run finished but some input was skipped (see the \fBskipped\fR records and standard error);
.TP
.B 2
usage error, or a failure that stopped the run.
.SH SEE ALSO
.BR jq (1),
.BR parallel (1),
.BR xargs (1)
)";
  return out;
}

// ---- bash ----

std::string bash_words(const CLI::App& app) {
  std::vector<std::string> words;
  for (const CLI::Option* opt : named_options(app))
    for (const std::string& n : option_spellings(opt)) words.push_back(n);
  return join(words, " ");
}

// `case "$prev"` arms: options whose value is a file (default completion), a choice, or free text.
std::string bash_value_cases(const CLI::App& app) {
  std::string out;
  std::vector<const CLI::Option*> options = named_options(app);
  for (const CLI::App* sub : subcommands_of(app))
    for (const CLI::Option* opt : named_options(*sub)) options.push_back(opt);
  std::set<std::string> seen;
  for (const CLI::Option* opt : options) {
    if (!takes_value(opt)) continue;
    const std::string pattern = join(option_spellings(opt), "|");
    if (!seen.insert(pattern).second) continue;
    const std::vector<std::string> choices = value_choices(opt);
    if (!choices.empty() && opt->get_expected_max() > 1)
      out += fmt::format("    {}) _corpus_scan_list \"{}\"; return ;;\n", pattern, join(choices, " "));
    else if (!choices.empty())
      out += fmt::format("    {}) COMPREPLY=($(compgen -W \"{}\" -- \"$cur\")); return ;;\n", pattern, join(choices, " "));
    else if (wants_file(opt))
      out += fmt::format("    {}) return ;;\n", pattern);  // -o default: file names
    else
      out += fmt::format("    {}) COMPREPLY=(); compopt +o default 2>/dev/null; return ;;\n", pattern);
  }
  return out;
}

std::string bash_completion(const CLI::App& app) {
  std::vector<std::string> names;
  std::string sub_cases;
  for (const CLI::App* sub : subcommands_of(app)) {
    names.push_back(sub->get_name());
    sub_cases += fmt::format("    {}) opts=\"{} {}\" ;;\n", sub->get_name(), bash_words(*sub), bash_words(app));
  }
  return fmt::format(R"(# bash completion for corpus-scan (generated by `corpus-scan --generate bash`).
# Completes subcommands, options, the values of options with a fixed set of values (a comma-separated
# list for --disable/--only), and file names everywhere else.

# Completes the last item of a comma-separated list of words.
_corpus_scan_list() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} done=""
  [[ $cur == *,* ]] && done=${{cur%,*}},
  COMPREPLY=($(compgen -P "$done" -W "$1" -- "${{cur##*,}}"))
  compopt -o nospace 2>/dev/null
}}

_corpus_scan() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}} sub="" opts i
  case "$prev" in
{}  esac
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "${{COMP_WORDS[i]}}" in
      {}) sub=${{COMP_WORDS[i]}}; break ;;
    esac
  done
  case "$sub" in
    "") opts="{} {}"
        [[ $cur == -* ]] || opts="{}" ;;
{}  esac
  if [[ -z $sub || $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  fi
}}
complete -o bashdefault -o default -F _corpus_scan corpus-scan
)",
                     bash_value_cases(app), join(names, "|"), join(names, " "), bash_words(app), join(names, " "),
                     sub_cases);
}

// ---- zsh ----

// Text inside a zsh _arguments '[...]' description, itself inside single quotes.
std::string zsh_text(std::string_view text) {
  std::string out;
  for (const char c : text.substr(0, text.find(". "))) {
    if (c == '\'') out += "'\\''";
    else if (c == '[' || c == ']' || c == ':' || c == '\\') out += std::string("\\") + c;
    else out += c;
  }
  return out;
}

std::string zsh_specs(const CLI::App& app, const std::string& indent) {
  std::string out;
  for (const CLI::Option* opt : named_options(app)) {
    const std::vector<std::string> names = option_spellings(opt);
    std::string action;
    if (takes_value(opt)) {
      const std::vector<std::string> choices = value_choices(opt);
      if (!choices.empty() && opt->get_expected_max() > 1)
        action = ":" + value_name(opt) + ":_values -s , value " + join(choices, " ");
      else if (!choices.empty())
        action = ":" + value_name(opt) + ":(" + join(choices, " ") + ")";
      else if (wants_file(opt)) action = ":file:_files";
      else action = ":" + value_name(opt) + ": ";
    }
    const std::string exclusive = names.size() > 1 ? "(" + join(names, " ") + ")" : "";
    const std::string repeat = opt->get_expected_max() > 1 || opt->get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll
                                   ? "*" : "";
    for (const std::string& n : names)
      out += indent + "'" + (repeat.empty() ? exclusive : std::string()) + repeat + n + "[" +
             zsh_text(opt->get_description()) + "]" + action + "' \\\n";
  }
  return out;
}

std::string zsh_completion(const CLI::App& app) {
  std::string described, cases;
  for (const CLI::App* sub : subcommands_of(app)) {
    described += "    '" + sub->get_name() + ":" + zsh_text(sub->get_description()) + "'\n";
    cases += "        " + sub->get_name() + ")\n          _arguments -s \\\n" + zsh_specs(*sub, "            ") +
             zsh_specs(app, "            ") + "            '*:path:_files'\n          ;;\n";
  }
  return "#compdef corpus-scan\n# zsh completion for corpus-scan (generated by `corpus-scan --generate zsh`).\n\n"
         "_corpus-scan() {\n  local curcontext=$curcontext state line\n  local -a subcommands\n  subcommands=(\n" +
         described + "  )\n  _arguments -C \\\n" + zsh_specs(app, "    ") +
         "    '1:subcommand:->subcommand' \\\n    '*::argument:->argument'\n"
         "  case $state in\n    subcommand) _describe -t subcommands subcommand subcommands ;;\n"
         "    argument)\n      case $words[1] in\n" +
         cases + "      esac\n      ;;\n  esac\n}\n\n_corpus-scan \"$@\"\n";
}

}  // namespace

std::string generate_docs(const CLI::App& app, std::string_view what) {
  if (what == "man") return man_page(app);
  if (what == "bash") return bash_completion(app);
  if (what == "zsh") return zsh_completion(app);
  throw CLI::ValidationError("--generate", "expected man, bash or zsh, got '" + std::string(what) + "'");
}

}  // namespace corpus_scan::cli
