// Scenario loading: YAML text -> validated Scenario, a queueing network or pathway parameters.
// Knows the scenario file's structure and the model's config types; no simulation, no threads.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "scenario/limits.hpp"
#include "scenario/pathway_reader.hpp"
#include "scenario/resolved_values.hpp"
#include "scenario/scenario.hpp"
#include "scenario/suggest.hpp"
#include "scenario/text_checks.hpp"
#include "scenario/uncertainty_reader.hpp"
#include "scenario/yaml_reader.hpp"

namespace cmhsim::scenario {
namespace {

constexpr double kRoutingTolerance = 1e-9;
constexpr std::string_view kExit = "exit";
/// Bounds a scenario or sweep file: the shipped ones are a few kilobytes.
constexpr std::size_t kMaxInputBytes = std::size_t{4} << 20;

/// Closes a POSIX file descriptor when it leaves scope.
struct FdCloser {
  int fd;
  ~FdCloser() { ::close(fd); }
};

/// Narrows an integer read within the table's bounds to int, failing if it does not fit.
int to_int(const Reader& r, const Field& f, std::int64_t v) {
  if (v > std::numeric_limits<int>::max() || v < std::numeric_limits<int>::min()) {
    r.fail_expected(f, expectation(*f.param), " (out of range)");
  }
  return static_cast<int>(v);
}

std::string list_of(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

/// Returns the index of the service called `name`, if there is one.
std::optional<std::size_t> find_service(const std::vector<std::string>& names,
                                        std::string_view name) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return i;
  }
  return std::nullopt;
}

std::string unknown_service(std::string_view name, std::vector<std::string> candidates,
                            bool exit_allowed) {
  if (exit_allowed) candidates.emplace_back(kExit);
  std::string hint = did_you_mean(name, candidates);
  if (hint.empty()) hint = " (known: " + list_of(candidates) + ")";
  return "unknown service '" + std::string(name) + "'" + hint;
}

std::vector<model::RouteConfig> read_routing(const Reader& r, const Field& f,
                                             const std::vector<std::string>& names) {
  std::vector<model::RouteConfig> routes;
  double sum = 0.0;
  for (const Field& item : r.mapping(f).items) {
    model::RouteConfig route;
    if (item.name != kExit) {
      route.to = find_service(names, item.name);
      if (!route.to) r.fail(*item.key_mark, item.path, unknown_service(item.name, names, true));
    }
    route.probability = r.number(item);
    sum += route.probability;
    routes.push_back(route);
  }
  if (std::abs(sum - 1.0) > kRoutingTolerance) {
    r.fail(f, "probabilities sum to " + format_number(sum) + ", expected 1 (within 1e-9)");
  }
  return routes;
}

void read_schedule(const Reader& r, const Field& f, model::ServiceConfig& service) {
  const Fields fields = r.mapping(f);
  if (const Field* cycle = fields.find("cycle_days"))
    service.schedule_cycle_days = r.number(*cycle);
  const Field& steps_field = *fields.find("steps");
  const std::vector<Field> steps = r.sequence(steps_field);
  if (steps.empty()) r.fail(steps_field, "expected a list of at least one step, got none");
  for (const Field& step : steps) {
    const Fields step_fields = r.mapping(step);
    const Field& from_field = *step_fields.find("from_day");
    model::CapacityStep s;
    s.from_day = r.number(from_field);
    if (!service.schedule.empty() && s.from_day <= service.schedule.back().from_day) {
      r.fail_expected(from_field, "a number > " + format_number(service.schedule.back().from_day) +
                                      " (from_day must increase from step to step)");
    }
    if (service.schedule_cycle_days && s.from_day >= *service.schedule_cycle_days) {
      r.fail_expected(from_field, "a number < cycle_days (" +
                                      format_number(*service.schedule_cycle_days) + ")");
    }
    const Field& servers_field = *step_fields.find("servers");
    s.servers = to_int(r, servers_field, r.integer(servers_field));
    service.schedule.push_back(s);
  }
}

void read_initial(const Reader& r, const Field& f, model::ServiceConfig& service) {
  const Fields fields = r.mapping(f);
  const bool stepped = !service.schedule.empty() && service.schedule.front().from_day <= 0.0;
  const int day0 = stepped ? service.schedule.front().servers : service.servers;
  if (const Field* busy = fields.find("busy")) {
    service.initial_busy = to_int(r, *busy, r.integer(*busy));
    if (service.initial_busy > day0) {
      r.fail_expected(*busy, "an integer <= the servers at day 0 (" + std::to_string(day0) + ")");
    }
  }
  if (const Field* waiting = fields.find("waiting")) {
    const std::uint64_t w = r.unsigned_integer(*waiting);
    const bool limited = service.queue_capacity != engine::Resource::kUnlimited;
    if (limited && w > service.queue_capacity) {
      r.fail_expected(*waiting, "an integer <= queue.capacity (" +
                                    std::to_string(service.queue_capacity) + ")");
    }
    if (w > 0 && service.initial_busy < day0) {
      r.fail_expected(*waiting,
                      "0 while servers are free (busy " + std::to_string(service.initial_busy) +
                          " of " + std::to_string(day0) + " at day 0)",
                      " (customers wait only when every server is busy)");
    }
    if (w >= engine::Resource::kUnlimited) r.fail_expected(*waiting, expectation(*waiting->param));
    service.initial_waiting = static_cast<std::size_t>(w);
  }
}

model::ServiceConfig read_service(const Reader& r, const Field& f,
                                  const std::vector<std::string>& names) {
  const Fields fields = r.mapping(f);
  model::ServiceConfig service;
  service.name = f.name;
  const Field& servers = *fields.find("servers");
  service.servers = to_int(r, servers, r.integer(servers));
  service.service_time = r.distribution(*fields.find("service_time"));
  if (const Field* queue = fields.find("queue")) {
    const Fields q = r.mapping(*queue);
    if (const Field* cap = q.find("capacity"); cap && !Reader::is_word(*cap, "unlimited")) {
      const std::uint64_t c = r.unsigned_integer(*cap);
      if (c >= engine::Resource::kUnlimited) r.fail_expected(*cap, expectation(*cap->param));
      service.queue_capacity = static_cast<std::size_t>(c);
    }
    if (const Field* disc = q.find("discipline")) {
      service.discipline =
          r.choice(*disc) == "priority" ? engine::Discipline::Priority : engine::Discipline::Fifo;
    }
  }
  if (const Field* patience = fields.find("patience")) {
    service.patience = r.distribution(*patience);
  }
  if (const Field* routing = fields.find("routing")) {
    service.routing = read_routing(r, *routing, names);
  }
  if (const Field* schedule = fields.find("schedule")) read_schedule(r, *schedule, service);
  if (const Field* initial = fields.find("initial")) read_initial(r, *initial, service);
  if (service.servers == 0 && service.schedule.empty()) {
    r.fail_expected(servers, "an integer >= 1 when no schedule is given",
                    " (0 servers never serve)");
  }
  return service;
}

model::ArrivalConfig read_arrival(const Reader& r, const Field& f,
                                  const std::vector<std::string>& names) {
  const Fields fields = r.mapping(f);
  model::ArrivalConfig arrival;
  arrival.name = f.name;
  const Field& to = *fields.find("to");
  const std::string target = r.text(to);
  const auto index = find_service(names, target);
  if (!index) r.fail(to, unknown_service(target, names, false));
  arrival.to = *index;
  arrival.interarrival = r.distribution(*fields.find("interarrival"));
  if (const Field* priority = fields.find("priority")) {
    arrival.priority = static_cast<std::int32_t>(r.integer(*priority));
  }
  return arrival;
}

// Keeps names usable as key-path segments, HDF5 group names and CSV column parts.
void check_name(const Reader& r, const Field& f, const char* what) {
  const bool ok = !f.name.empty() && std::all_of(f.name.begin(), f.name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
  if (!ok) {
    r.fail(*f.key_mark, f.path,
           std::string("expected a ") + what + " name of letters, digits, '_' or '-', got '" +
               f.name + "'");
  }
}

void read_network(const Reader& r, const Fields& top, model::NetworkConfig& network) {
  const Field& services_field = *top.find("services");
  const Fields services = r.mapping(services_field);
  if (services.items.empty()) r.fail(services_field, "expected at least one service, got none");
  std::vector<std::string> names;
  for (const Field& s : services.items) {
    if (s.name == kExit) {
      r.fail(*s.key_mark, s.path, "'exit' is reserved for leaving the network; rename the service");
    }
    check_name(r, s, "service");
    names.push_back(s.name);
  }
  for (const Field& s : services.items) network.services.push_back(read_service(r, s, names));

  const Field& arrivals_field = *top.find("arrivals");
  const Fields arrivals = r.mapping(arrivals_field);
  if (arrivals.items.empty()) {
    r.fail(arrivals_field, "expected at least one arrival stream, got none");
  }
  for (const Field& a : arrivals.items) {
    check_name(r, a, "arrival stream");
    network.arrivals.push_back(read_arrival(r, a, names));
  }
}

/// Returns the kind of scenario: pathway when the top level has a `population` key.
Schema schema_of(const YAML::Node& root) {
  for (const auto& entry : root) {
    if (entry.first.IsScalar() && entry.first.Scalar() == "population") return Schema::Pathway;
  }
  return Schema::Network;
}

/// Rejects keys of the other kind of scenario with a message saying which kind the file is.
void check_schema_keys(const Reader& r, const YAML::Node& root) {
  for (const auto& entry : root) {
    if (!entry.first.IsScalar()) continue;
    const std::string key = entry.first.Scalar();
    if (r.schema() == Schema::Pathway && key == "arrivals") {
      r.fail(entry.first.Mark(), key,
             "a pathway scenario (one with a population section) takes no arrivals; arrivals "
             "and services as a network belong to queueing-network scenarios, so remove one "
             "or the other");
    }
    if (r.schema() == Schema::Network && key != "services") {
      for (const Parameter* p : pathway_sections()) {
        if (p->key() == key) {
          r.fail(entry.first.Mark(), key,
                 "'" + key +
                     "' is a section of pathway scenarios, which need a population "
                     "section; this file has none");
        }
      }
    }
  }
}

}  // namespace

std::vector<std::string> Scenario::service_names() const {
  std::vector<std::string> names;
  names.reserve(network.services.size());
  for (const model::ServiceConfig& s : network.services) names.push_back(s.name);
  return names;
}

void Scenario::set_run(std::uint64_t run_seed, std::uint64_t run_replications) {
  seed = run_seed;
  replications = run_replications;
  set_resolved(resolved, "seed", std::to_string(run_seed));
  set_resolved(resolved, "replications", std::to_string(run_replications));
}

void set_resolved(ResolvedValues& values, std::string_view key, std::string value) {
  for (auto& kv : values) {
    if (kv.first == key) {
      kv.second = std::move(value);
      return;
    }
  }
  throw std::logic_error("no resolved value of '" + std::string(key) + "'");
}

Scenario parse_scenario(const std::string& text, const std::string& source_name) {
  require_utf8(text, source_name);
  const YAML::Node root =
      Reader(source_name)
          .load_mapping(
              text,
              "the scenario is empty; expected a mapping with at least horizon_days, arrivals and "
              "services (a queueing network) or a population section (a pathway model)");
  const Reader reader(source_name, schema_of(root));
  check_schema_keys(reader, root);
  const Field root_field{root, std::nullopt, "", "", nullptr};
  const Fields top = reader.mapping(root_field);

  Scenario s;
  s.path = source_name;
  s.text = text;
  s.name = std::filesystem::path(source_name).stem().string();
  // The name becomes the default output's file name, so it must not leave results/.
  if (const Field* f = top.find("name")) s.name = reader.file_name(*f);
  if (const Field* f = top.find("description")) s.description = reader.text(*f);
  s.network.horizon_days = reader.number(reader.field_or_default(top, root_field, "horizon_days"));
  s.network.warmup_days = 0.0;
  if (const Field* f = top.find("warmup_days")) {
    s.network.warmup_days = reader.number(*f);
    if (s.network.warmup_days >= s.network.horizon_days) {
      reader.fail_expected(
          *f, "a number >= 0 and < horizon_days (" + format_number(s.network.horizon_days) + ")");
    }
  }
  if (const Field* f = top.find("replications")) s.replications = reader.unsigned_integer(*f);
  if (const Field* f = top.find("seed")) s.seed = reader.unsigned_integer(*f);
  if (reader.schema() == Schema::Pathway) {
    s.pathways =
        read_pathways(reader, root_field, top, s.network.horizon_days, s.network.warmup_days);
  } else {
    read_network(reader, top, s.network);
    check_network_budget(reader, top, s.network);
  }
  s.resolved = resolve_values(reader, root_field, top);
  if (const Field* f = top.find("uncertainty")) s.uncertainty = read_uncertainty(reader, *f, root);
  return s;
}

std::string read_input_file(const std::string& path) {
  const auto refuse = [&path](const std::string& why) {
    return ScenarioError(path, 0, 0, "", "cannot read the file: " + why);
  };
  // Non-blocking, so opening a FIFO with no writer returns at once and is refused below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw refuse(std::generic_category().message(errno));
  const FdCloser closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw refuse(std::generic_category().message(errno));
  if (S_ISDIR(st.st_mode)) throw refuse("it is a directory");
  if (!S_ISREG(st.st_mode)) throw refuse("not a regular file (a device, FIFO or socket)");
  const std::string too_large = "larger than the limit of " + std::to_string(kMaxInputBytes) +
                                " bytes (4 MiB) for a scenario or sweep file";
  if (static_cast<std::uint64_t>(st.st_size) > kMaxInputBytes) throw refuse(too_large);
  std::string text;
  char buffer[65536];
  while (true) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw refuse(std::generic_category().message(errno));
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
    // The file may have grown since fstat.
    if (text.size() > kMaxInputBytes) throw refuse(too_large);
  }
  return text;
}

Scenario load_scenario_file(const std::string& path) {
  return parse_scenario(read_input_file(path), path);
}

}  // namespace cmhsim::scenario
