#include "config.hpp"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <vector>

#include "cli.hpp"

namespace corpus_scan::cli {

namespace {

// What --print-config needs to say where each setting came from.
struct ConfigState {
  std::vector<std::string> args;        // the command line, without argv[0]
  std::string file;                     // config file in force ("" if none)
  std::set<std::string> from_file;      // "sub.option" (or "option" for global ones) set by the file
};
ConfigState g_state;

bool env_set(const CLI::Option* opt) {
  if (opt->get_envname().empty()) return false;
  const char* value = std::getenv(opt->get_envname().c_str());
  return value && *value;
}

// Settings a user may put in the environment or a config file: named options that are not
// --help, --version, --config or --print-config and were not marked unconfigurable
// (--files-from, --shard, -o: they name this run's inputs and outputs, not a preference).
bool is_setting(const CLI::Option* opt) {
  if (opt->get_lnames().empty() || !opt->get_configurable()) return false;
  const std::string& name = opt->get_lnames().front();
  return name != "help" && name != "help-all" && name != "version" && name != "print-config";
}

const CLI::Option* find_setting(const CLI::App* app, const std::string& name) {
  const CLI::Option* opt = app->get_option_no_throw("--" + name);
  return opt && is_setting(opt) ? opt : nullptr;
}

// CLI11 applies the config file before the environment and lets the first one win; we want the
// environment to beat the file, and a misspelt key to be an error rather than silently ignored.
// This formatter parses TOML/INI as CLI11 does, then drops items the environment overrides,
// copies keys given before any section into every subcommand that has the option, and rejects
// keys no option knows.
class EnvironmentFirstConfig : public CLI::ConfigTOML {
 public:
  explicit EnvironmentFirstConfig(const CLI::App* app) : app_(app) {}

  std::vector<CLI::ConfigItem> from_config(std::istream& input) const override {
    std::vector<CLI::ConfigItem> kept;
    for (CLI::ConfigItem& item : CLI::ConfigTOML::from_config(input)) {
      if (item.name == "++" || item.name == "--") {  // section markers
        kept.push_back(std::move(item));
        continue;
      }
      std::vector<std::pair<const CLI::App*, const CLI::Option*>> targets;
      if (item.parents.empty()) {
        if (const CLI::Option* opt = find_setting(app_, item.name)) {
          targets.emplace_back(app_, opt);
        } else {
          for (const CLI::App* sub : app_->get_subcommands([](const CLI::App*) { return true; }))
            if (const CLI::Option* o = find_setting(sub, item.name)) targets.emplace_back(sub, o);
        }
      } else if (item.parents.size() == 1) {
        const CLI::App* sub = nullptr;
        for (const CLI::App* s : app_->get_subcommands([](const CLI::App*) { return true; }))
          if (s->get_name() == item.parents.front()) sub = s;
        if (!sub) throw CLI::ConfigError("unknown section [" + item.parents.front() + "] in the config file");
        if (const CLI::Option* opt = find_setting(sub, item.name)) targets.emplace_back(sub, opt);
      }
      if (targets.empty())
        throw CLI::ConfigError("unknown setting '" + item.fullname() +
                               "' in the config file (see 'corpus-scan SUBCOMMAND --print-config')");
      for (const auto& [owner, opt] : targets) {
        if (env_set(opt)) continue;
        CLI::ConfigItem copy = item;
        copy.parents.clear();
        if (owner != app_) copy.parents.push_back(owner->get_name());
        g_state.from_file.insert(copy.fullname());
        kept.push_back(std::move(copy));
      }
    }
    return kept;
  }

 private:
  const CLI::App* app_;
};

std::string default_config_file() {
  if (const char* explicit_file = std::getenv("CORPUS_SCAN_CONFIG"); explicit_file && *explicit_file)
    return explicit_file;
  std::filesystem::path dir;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) dir = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home) dir = std::filesystem::path(home) / ".config";
  else return "";
  return (dir / "corpus-scan" / "config.toml").string();
}

bool given_on_command_line(const CLI::Option* opt) {
  for (const std::string& arg : g_state.args) {
    if (arg == "--") break;
    for (const std::string& name : opt->get_lnames())
      if (arg == "--" + name || arg.rfind("--" + name + "=", 0) == 0) return true;
    for (const std::string& name : opt->get_snames())
      if (arg.size() >= 2 && arg[0] == '-' && arg[1] != '-' && arg.find(name[0], 1) != std::string::npos &&
          arg.rfind("-" + name, 0) == 0)
        return true;
  }
  return false;
}

// A TOML value: numbers and booleans bare, anything else quoted.
std::string toml_value(const std::string& value) {
  if (value == "true" || value == "false") return value;
  if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos) return value;
  std::string quoted = "\"";
  for (const char c : value) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::string setting_value(const CLI::Option* opt) {
  std::vector<std::string> values = opt->count() > 0 ? opt->results() : std::vector<std::string>{};
  // CLI11 writes an empty list's default as "[]".
  if (opt->count() == 0 && !opt->get_default_str().empty() && opt->get_default_str() != "[]")
    values = {opt->get_default_str()};
  const bool is_flag = opt->get_expected_min() == 0;
  if (is_flag) {
    // A flag's results are its counts ("1", "true", ...); one bool says whether it is on.
    if (values.empty()) return "false";
    if (opt->get_expected_max() == 0 && values.size() > 1) return std::to_string(values.size());
    const std::string& v = values.back();
    return v == "0" || v == "false" || v == "off" || v == "no" ? "false" : (v == "1" || v == "true" ? "true" : v);
  }
  if (opt->get_expected_max() > 1 || opt->get_items_expected_max() > 1) {
    std::string array = "[";
    for (const std::string& v : values) array += (array.size() > 1 ? ", " : "") + toml_value(v);
    return array + "]";
  }
  return values.empty() ? "\"\"" : toml_value(values.back());
}

std::string setting_source(const CLI::Option* opt, const std::string& fullname) {
  if (given_on_command_line(opt)) return "command line";
  if (env_set(opt)) return "environment";
  if (g_state.from_file.count(fullname)) return "config file";
  return "default";
}

void append_settings(const CLI::App* app, const std::string& section, std::string& out) {
  if (!section.empty()) out += "\n[" + section + "]\n";
  for (const CLI::Option* opt : app->get_options([](const CLI::Option* o) { return is_setting(o); })) {
    const std::string& name = opt->get_lnames().front();
    const std::string line = name + " = " + setting_value(opt);
    const std::string fullname = section.empty() ? name : section + "." + name;
    out += line + std::string(line.size() < 34 ? 34 - line.size() : 1, ' ') + "# " +
           setting_source(opt, fullname) + " (" + opt->get_envname() + ")\n";
  }
}

std::string settings_in_force(const CLI::App* app, const CLI::App* sub) {
  std::string out = "# corpus-scan " + sub->get_name() +
                    ": settings in force (command line > environment > config file > default)\n";
  out += "# config file: " + (g_state.file.empty() ? std::string("none") : g_state.file) + "\n";
  append_settings(app, "", out);
  append_settings(sub, sub->get_name(), out);
  return out;
}

}  // namespace

std::string env_name(const std::string& long_name) {
  std::string name = "CORPUS_SCAN_";
  for (const char c : long_name) name += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

void add_config_support(CLI::App& app, int argc, const char* const* argv) {
  g_state.args.assign(argv + (argc > 0 ? 1 : 0), argv + argc);
  const std::string file = default_config_file();
  const bool file_required = std::getenv("CORPUS_SCAN_CONFIG") && *std::getenv("CORPUS_SCAN_CONFIG");
  app.config_formatter(std::make_shared<EnvironmentFirstConfig>(&app));
  app.set_config("--config", file,
                 "Read default settings from this TOML/INI file (default: $CORPUS_SCAN_CONFIG, else "
                 "$XDG_CONFIG_HOME/corpus-scan/config.toml when it exists)",
                 file_required)
      ->type_name("FILE")
      ->group("Settings");

  auto give_env_names = [](CLI::App* owner) {
    for (CLI::Option* opt : owner->get_options([](const CLI::Option* o) { return is_setting(o); })) {
      opt->envname(env_name(opt->get_lnames().front()));
      opt->capture_default_str();
    }
  };
  give_env_names(&app);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    give_env_names(sub);
    sub->fallthrough();  // corpus-scan scan data -q --config FILE
    sub->add_flag_callback(
           "--print-config",
           [&app, sub] {
             const CLI::Option* config = app.get_config_ptr();
             g_state.file = config && config->count() > 0 ? config->as<std::string>() : "";
             write_stdout(settings_in_force(&app, sub));
             throw CLI::Success();
           },
           "Print the settings in force (from the command line, environment, config file and defaults) as "
           "a config file, and exit")
        ->group("Settings");
  }
}

}  // namespace corpus_scan::cli
