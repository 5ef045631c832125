// A flat binary encoding of RunResults: fixed-size values copied as they are, strings and
// vectors prefixed by their length, a magic number first so stray bytes are rejected.
#include "experiment/results_codec.hpp"

#include <cstring>
#include <string>
#include <type_traits>

namespace cmhsim::experiment {
namespace {

constexpr std::uint64_t kMagic = 0x636d6873696d5231ULL;  // "cmhsimR1"

/// Appends values to a byte buffer.
class Writer {
 public:
  template <typename T>
  void put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const std::uint8_t*>(&value);
    bytes_.insert(bytes_.end(), p, p + sizeof(T));
  }
  void put(const std::string& s) {
    put<std::uint64_t>(s.size());
    bytes_.insert(bytes_.end(), s.begin(), s.end());
  }
  void put(const engine::Estimate& e) {
    put(e.mean);
    put(e.lo);
    put(e.hi);
    put(e.n);
  }
  void put(const model::OutputInfo& info) {
    put(info.name);
    put(info.unit);
    put(info.description);
  }
  template <typename T>
  void put_vector(const std::vector<T>& values) {
    put<std::uint64_t>(values.size());
    for (const auto& v : values) put(v);
  }
  TaskBytes take() { return std::move(bytes_); }

 private:
  TaskBytes bytes_;
};

/// Reads values back in the order a Writer appended them.
class Reader {
 public:
  explicit Reader(const TaskBytes& bytes) : bytes_(bytes) {}
  template <typename T>
  void get(T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    need(sizeof(T));
    std::memcpy(&value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
  }
  void get(std::string& s) {
    const std::uint64_t n = count(1);
    s.assign(reinterpret_cast<const char*>(bytes_.data() + at_), n);
    at_ += n;
  }
  void get(engine::Estimate& e) {
    get(e.mean);
    get(e.lo);
    get(e.hi);
    get(e.n);
  }
  void get(model::OutputInfo& info) {
    get(info.name);
    get(info.unit);
    get(info.description);
  }
  template <typename T>
  void get_vector(std::vector<T>& values) {
    values.resize(count(1));
    for (auto& v : values) get(v);
  }
  /// Reads an element count, rejecting one that cannot fit in the bytes left.
  std::uint64_t count(std::size_t min_element_size) {
    std::uint64_t n = 0;
    get(n);
    if (n > (bytes_.size() - at_) / min_element_size)
      throw CodecError("encoded results: bad length");
    return n;
  }
  [[nodiscard]] bool at_end() const noexcept { return at_ == bytes_.size(); }

 private:
  void need(std::size_t n) const {
    if (bytes_.size() - at_ < n) throw CodecError("encoded results are truncated");
  }
  const TaskBytes& bytes_;
  std::size_t at_ = 0;
};

void put_outcome(Writer& w, const model::ReplicationOutcome& rep) {
  w.put<std::uint64_t>(rep.services.size());
  for (const auto& s : rep.services) {
    w.put(s.name);
    w.put(s.values);
    w.put(s.arrivals);
    w.put(s.completions);
  }
  w.put_vector(rep.metrics);
  w.put_vector(rep.series);
  w.put<std::uint64_t>(rep.months);
  w.put(rep.events);
}

void get_outcome(Reader& r, model::ReplicationOutcome& rep) {
  rep.services.resize(r.count(1));
  for (auto& s : rep.services) {
    r.get(s.name);
    r.get(s.values);
    r.get(s.arrivals);
    r.get(s.completions);
  }
  r.get_vector(rep.metrics);
  r.get_vector(rep.series);
  std::uint64_t months = 0;
  r.get(months);
  rep.months = months;
  r.get(rep.events);
}

}  // namespace

TaskBytes encode_results(const RunResults& results) {
  Writer w;
  w.put(kMagic);
  const Provenance& p = results.provenance;
  for (const std::string* s : {&p.version, &p.git_commit, &p.scenario_path, &p.scenario_text,
                               &p.started_utc, &p.finished_utc, &p.host}) {
    w.put(*s);
  }
  w.put(p.seed);
  w.put(p.replications);
  w.put(p.threads);
  w.put(results.model);
  w.put<std::uint64_t>(results.replications.size());
  for (const auto& rep : results.replications) put_outcome(w, rep);
  w.put<std::uint64_t>(results.summary.size());
  for (const auto& s : results.summary) {
    w.put(s.name);
    for (const auto& e : s.metrics) w.put(e);
  }
  w.put_vector(results.metric_infos);
  w.put_vector(results.series_infos);
  w.put_vector(results.metric_summary);
  w.put<std::uint64_t>(results.series_summary.size());
  for (const auto& month : results.series_summary) w.put_vector(month);
  w.put<std::uint64_t>(results.persons.size());
  for (const auto& table : results.persons) w.put_vector(table);
  w.put(results.horizon_days);
  w.put(results.warmup_days);
  w.put(results.wall_seconds);
  w.put(results.events);
  return w.take();
}

RunResults decode_results(const TaskBytes& bytes) {
  Reader r(bytes);
  std::uint64_t magic = 0;
  r.get(magic);
  if (magic != kMagic) throw CodecError("bytes do not hold encoded results");
  RunResults results;
  Provenance& p = results.provenance;
  for (std::string* s : {&p.version, &p.git_commit, &p.scenario_path, &p.scenario_text,
                         &p.started_utc, &p.finished_utc, &p.host}) {
    r.get(*s);
  }
  r.get(p.seed);
  r.get(p.replications);
  r.get(p.threads);
  r.get(results.model);
  if (results.model != ModelKind::Network && results.model != ModelKind::Pathway) {
    throw CodecError("encoded results name an unknown model kind");
  }
  results.replications.resize(r.count(1));
  for (auto& rep : results.replications) get_outcome(r, rep);
  results.summary.resize(r.count(1));
  for (auto& s : results.summary) {
    r.get(s.name);
    for (auto& e : s.metrics) r.get(e);
  }
  r.get_vector(results.metric_infos);
  r.get_vector(results.series_infos);
  r.get_vector(results.metric_summary);
  results.series_summary.resize(r.count(1));
  for (auto& month : results.series_summary) r.get_vector(month);
  results.persons.resize(r.count(1));
  for (auto& table : results.persons) r.get_vector(table);
  r.get(results.horizon_days);
  r.get(results.warmup_days);
  r.get(results.wall_seconds);
  r.get(results.events);
  if (!r.at_end()) throw CodecError("encoded results have trailing bytes");
  return results;
}

}  // namespace cmhsim::experiment
