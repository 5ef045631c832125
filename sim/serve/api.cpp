// Routing and the comparison jobs: each job runs on its own thread (its replications on the
// experiment layer's workers) and sends a JSON line per batch to the page that asked.
#include "serve/api.hpp"

#include <exception>
#include <set>
#include <thread>

#include "io/headline.hpp"
#include "io/summary_json.hpp"
#include "scenario/scenario_error.hpp"
#include "serve/levers.hpp"
#include "serve/page.hpp"
#include "serve/result_json.hpp"
#include "serve/serve_error.hpp"
#include "serve/streamed_comparison.hpp"

namespace cmhsim::serve {
namespace {

using Json = nlohmann::ordered_json;

ApiReply json_reply(int status, const Json& body) {
  ApiReply r;
  r.status = status;
  r.body = io::dump_json(body);
  return r;
}

/// Returns the value of `name` in a query string such as "page=p1&what=yaml", or "".
std::string query_value(const std::string& query, const std::string& name) {
  std::size_t start = 0;
  while (start <= query.size()) {
    const std::size_t end = std::min(query.find('&', start), query.size());
    const std::string pair = query.substr(start, end - start);
    const std::size_t eq = pair.find('=');
    if (eq != std::string::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
    start = end + 1;
  }
  return "";
}

const char* end_name(StreamEnd end) {
  switch (end) {
    case StreamEnd::Precise:
      return "precision";
    case StreamEnd::Limit:
      return "replications";
    default:
      return "cancelled";
  }
}

/// Records in a run's provenance what the scenario says and how it ran, as the command line
/// does; the version, host and times are left to ServeSettings::fill_provenance.
void record_scenario(experiment::RunResults& run, const scenario::Scenario& sc, int threads) {
  auto& p = run.provenance;
  p.scenario_path = sc.path;
  p.scenario_text = sc.text;
  p.seed = sc.seed;
  p.replications = sc.replications;
  p.resolved = sc.resolved;
  p.threads = experiment::resolve_threads(threads);
}

}  // namespace

std::string error_body(const std::string& message) {
  return io::dump_json(Json{{"error", message}});
}

Api::Api(ServeSettings settings, std::vector<Baseline> baselines)
    : settings_(std::move(settings)),
      baselines_(std::move(baselines)),
      jobs_(settings_.max_running, settings_.max_pages) {
  if (baselines_.empty()) throw ServeInputError("no baseline scenarios to serve");
  std::set<std::string> names;
  for (const Baseline& b : baselines_) {
    if (!b.scenario.pathways) {
      throw ServeInputError(b.file +
                            " is a queueing-network scenario; serve offers pathway scenarios");
    }
    if (!names.insert(b.scenario.name).second) {
      throw ServeInputError("two baselines are called '" + b.scenario.name +
                            "'; give them different 'name:' values");
    }
  }
  levers_ = io::dump_json(levers_json(baselines_));
}

Api::~Api() { stop(); }

void Api::stop() { jobs_.stop_all(); }

ApiReply Api::handle(const ApiRequest& request) {
  try {
    return route(request);
  } catch (const RequestError& e) {
    ApiReply r;
    r.status = e.status();
    r.body = error_body(e.what());
    return r;
  } catch (const scenario::ScenarioError& e) {
    ApiReply r;
    r.status = 422;
    r.body = error_body(e.what());
    return r;
  } catch (const experiment::ComparisonError& e) {
    ApiReply r;
    r.status = 422;
    r.body = error_body(e.what());
    return r;
  } catch (const std::exception& e) {
    ApiReply r;
    r.status = 500;
    r.body = error_body(std::string("internal error: ") + e.what());
    return r;
  }
}

ApiReply Api::route(const ApiRequest& request) {
  const std::size_t q = request.target.find('?');
  const std::string path = request.target.substr(0, q);
  const std::string query = q == std::string::npos ? "" : request.target.substr(q + 1);
  const auto only = [&](const char* method) {
    if (request.method != method) {
      throw RequestError(405, path + " takes " + method + " requests only");
    }
  };
  if (path == "/" || path == "/index.html") {
    only("GET");
    ApiReply r;
    r.content_type = "text/html; charset=utf-8";
    r.body = std::string(page_html());
    return r;
  }
  if (path == "/api/scenarios") {
    only("GET");
    return scenarios_reply();
  }
  if (path == "/api/levers") {
    only("GET");
    ApiReply r;
    r.body = levers_;
    return r;
  }
  if (path == "/api/compare") {
    only("POST");
    return compare_reply(request);
  }
  if (path == "/api/download") {
    only("GET");
    return download_reply(query);
  }
  throw RequestError(404, "no such page or API: " + path.substr(0, 128));
}

ApiReply Api::scenarios_reply() const {
  Json scenarios = Json::array();
  for (const Baseline& b : baselines_) {
    scenarios.push_back({{"name", b.scenario.name},
                         {"description", b.scenario.description},
                         {"file", b.file},
                         {"replications", b.scenario.replications},
                         {"seed", b.scenario.seed}});
  }
  Json headline = Json::array();
  for (const auto& h : io::headline_outcomes()) headline.push_back(std::string(h.name));
  return json_reply(200, {{"version", settings_.version},
                          {"threads", experiment::resolve_threads(settings_.threads)},
                          {"max_replications", settings_.limits.max_replications},
                          {"default_precision", CompareRequest{}.precision},
                          {"headline", std::move(headline)},
                          {"scenarios", std::move(scenarios)}});
}

ApiReply Api::compare_reply(const ApiRequest& request) {
  if (request.content_type.rfind("application/json", 0) != 0) {
    throw RequestError(415, "a comparison request is JSON: send Content-Type: application/json");
  }
  const CompareRequest req = parse_compare_request(request.body, settings_.limits);
  const Baseline* base = nullptr;
  for (const Baseline& b : baselines_) {
    if (b.scenario.name == req.baseline) base = &b;
  }
  if (!base) throw RequestError(404, "no baseline scenario called '" + req.baseline + "'");
  if (req.set.empty()) throw RequestError(422, "set at least one key to compare with the baseline");
  // The same parsing and checks as `cmhsim compare --set`, so errors read the same.
  const auto overrides = scenario::parse_set_options(req.set);
  for (const auto& o : overrides) {
    if (o.key_path == "seed" || o.key_path == "replications" || o.key_path == "name") {
      throw RequestError(422, "'" + o.key_path +
                                  "' is not a lever: the seed is the baseline's, the replications "
                                  "are asked for with 'replications'");
    }
  }
  WhatIf what_if = make_what_if(*base, overrides);
  const std::uint64_t reps =
      req.replications ? req.replications : settings_.limits.max_replications;
  what_if.set_run(base->scenario.seed, reps);
  const auto problems = experiment::comparability_problems(what_if.arms());
  if (!problems.empty()) {
    std::string message = "cannot compare these scenarios:";
    for (const auto& p : problems) message += "\n  " + p;
    throw RequestError(422, message);
  }
  const std::shared_ptr<Job> job = jobs_.begin(req.page);
  ApiReply r;
  r.content_type = "application/x-ndjson";
  const double precision = req.precision;
  r.stream = [this, job, what_if = std::move(what_if), precision,
              reps](std::shared_ptr<LineSink> sink) mutable {
    std::thread([this, job, what_if = std::move(what_if), precision, reps, sink]() mutable {
      run_job(job, std::move(what_if), precision, reps, sink);
      // The connection is let go before the job counts as ended: once every job has ended the
      // server may be destroyed, and nothing of it may be touched from this thread after that.
      sink.reset();
      jobs_.end(job);
    }).detach();
  };
  return r;
}

void Api::run_job(const std::shared_ptr<Job>& job, WhatIf what_if, double precision,
                  std::uint64_t max_replications, const std::shared_ptr<LineSink>& sink) {
  const auto send = [&](const Json& line) {
    if (!sink->send(io::dump_json(line))) job->stop.store(true);
  };
  try {
    // The page's older comparison stops at its next batch; waiting keeps the cores for this one.
    job->previous.wait();
    send({{"type", "started"},
          {"baseline", what_if.baseline.name},
          {"scenario", what_if.changed.name},
          {"max_replications", max_replications},
          {"precision", precision}});
    StreamSettings settings;
    settings.seed = what_if.baseline.seed;
    settings.max_replications = max_replications;
    settings.threads = settings_.threads;
    settings.precision = precision;
    for (const auto& h : io::headline_outcomes()) settings.precision_outcomes.emplace_back(h.name);
    std::shared_ptr<experiment::ComparisonResults> last;
    const auto arms = what_if.arms();
    const StreamEnd end =
        run_in_batches(arms, settings, job->stop, [&](const experiment::ComparisonResults& r) {
          last = std::make_shared<experiment::ComparisonResults>(r);
          WhatIf shown = what_if;
          shown.set_run(r.seed, r.replications);
          send({{"type", "update"}, {"command", shown.command()}, {"result", result_json(r)}});
        });
    if (end == StreamEnd::Cancelled || !last) {
      send({{"type", "cancelled"}});
    } else {
      auto finished = std::make_shared<Finished>();
      finished->what_if = std::move(what_if);
      finished->what_if.set_run(last->seed, last->replications);
      finished->results = std::move(*last);
      record_scenario(finished->results.runs[0], finished->what_if.baseline, settings_.threads);
      record_scenario(finished->results.runs[1], finished->what_if.changed, settings_.threads);
      if (settings_.fill_provenance) {
        settings_.fill_provenance(finished->results.runs[0], finished->what_if.baseline);
        settings_.fill_provenance(finished->results.runs[1], finished->what_if.changed);
      }
      jobs_.keep(job->page, finished);
      send({{"type", "done"},
            {"reason", end_name(end)},
            {"command", finished->what_if.command()},
            {"result", result_json(finished->results)}});
    }
  } catch (const std::exception& e) {
    send({{"type", "error"}, {"message", e.what()}});
  }
  sink->close();
}

ApiReply Api::download_reply(const std::string& query) const {
  const std::string page = query_value(query, "page");
  const std::string what = query_value(query, "what");
  if (!valid_page_name(page)) throw RequestError(400, "'page' must name the page");
  const auto finished = jobs_.kept(page);
  if (!finished) throw RequestError(404, "this page has no finished comparison to download");
  ApiReply r;
  const std::string stem = finished->results.names[1];
  if (what == "yaml") {
    r.content_type = "application/yaml";
    r.filename = stem + ".yaml";
    r.body = scenario_yaml(*finished);
  } else if (what == "csv") {
    r.content_type = "text/csv";
    r.filename = stem + "_differences.csv";
    r.body = differences_csv(*finished);
  } else if (what == "hdf5") {
    r.content_type = "application/x-hdf5";
    r.filename = stem + ".h5";
    r.body = comparison_hdf5(*finished);
  } else {
    throw RequestError(400, "'what' must be yaml, csv or hdf5");
  }
  return r;
}

}  // namespace cmhsim::serve
