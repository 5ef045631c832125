// The table entries of the run settings (common to every scenario) and of queueing-network
// scenarios (`arrivals`, `services`). Knows nothing of YAML or of loading.
#include "scenario/parameter_table_build.hpp"

namespace cmhsim::scenario::table {

void add_common(std::vector<Parameter>& out) {
  using K = ValueKind;
  const std::vector<Parameter> entries{
      {"name", K::Text, "", false, "the file name without directory and extension", kAny, "", "",
       "Short identifier of the scenario, used in results and reports.", kInput},
      {"description", K::Text, "", false, "empty", kAny, "", "",
       "Free text saying what the scenario represents.", kInput},
      {"horizon_days",
       K::Number,
       "days",
       true,
       "",
       kDays,
       "",
       "",
       "Simulated time of each replication, from day 0.",
       kInput,
       {},
       Schema::Network},
      {"horizon_days",
       K::Number,
       "days",
       false,
       "3652.5",
       kDays,
       "",
       "",
       "Simulated time of each replication, from day 0; 3652.5 days is 10 years. A trial runs "
       "for `trial.follow_up_days` instead.",
       kInput,
       {},
       Schema::Pathway},
      {"warmup_days", K::Number, "days", false, "0", kDaysZero, "and < horizon_days", "",
       "Initial period left out of all statistics, so results describe the system once it has "
       "filled up rather than its empty start.",
       kInput},
      {"replications", K::Integer, "", false, "10", kReplications, "", "",
       "Independent replications, each with its own random streams; at least 2 are needed for "
       "confidence intervals. At most 10,000: each replication's results stay in memory until "
       "the run ends (about 75 KB each), and 10,000 already narrow an interval to 1% of one "
       "replication's spread.",
       kInput},
      {"seed",
       K::Integer,
       "",
       false,
       "1",
       kNonNegative,
       "(unsigned 64-bit)",
       "",
       "Base seed; replication r draws from streams keyed by (seed, r), so a run is reproducible.",
       kInput,
       {},
       Schema::Common,
       {},
       true},
  };
  out.insert(out.end(), entries.begin(), entries.end());
}

void add_network(std::vector<Parameter>& out) {
  using K = ValueKind;
  std::vector<Parameter> entries{
      {"arrivals", K::NamedEntries, "", true, "", kAny, "at least one entry", "",
       "Arrival streams, each named by its key, kept in the order written.", kInput},
      {"arrivals.<name>", K::Mapping, "", false, "", kAny, "", "",
       "One stream of new arrivals, such as referrals.", kInput},
      {"arrivals.<name>.to", K::ServiceName, "", true, "", kAny, "a key of `services`", "",
       "Service that every arrival of this stream joins first.", kInput},
      {"arrivals.<name>.interarrival", K::Distribution, "days", true, "", kAny, "", "",
       "Time between consecutive arrivals of the stream.", kInput},
      {"arrivals.<name>.priority", K::Integer, "", false, "0", kInt32, "", "",
       "Queue priority of this stream's customers at services whose discipline is `priority`; "
       "lower values are served first.",
       kInput},
      {"services", K::NamedEntries, "", true, "", kAny,
       "at least one entry; no service named `exit`", "",
       "Capacity-limited services (teams, clinics, beds), each named by its key, kept in the "
       "order written.",
       kInput},
      {"services.<name>", K::Mapping, "", false, "", kAny, "", "",
       "One service: its servers, service time, waiting line and routing.", kInput},
      {"services.<name>.servers", K::Integer, "", true, "", kPlaces, "", "",
       "Number of servers (staff, caseload slots or beds) until the first schedule step; 0 is "
       "allowed only with a schedule.",
       kInput},
      {"services.<name>.service_time", K::Distribution, "days", true, "", kAny, "", "",
       "Time one server spends on one customer.", kInput},
      {"services.<name>.queue", K::Mapping, "", false, "an unlimited FIFO line", kAny, "", "",
       "The waiting line in front of the servers.", kInput},
      {"services.<name>.queue.capacity", K::Integer, "", false, "unlimited", kPlaces, "",
       "unlimited",
       "Most customers that may wait; an arrival finding the line full is turned away (blocked). "
       "0 means nobody waits.",
       kInput},
      {"services.<name>.queue.discipline", K::Choice, "", false, "fifo", kAny, "", "fifo|priority",
       "Order of the line: first come first served, or by the arrival stream's priority and then "
       "first come.",
       kInput},
      {"services.<name>.patience", K::Distribution, "days", false,
       "none (customers wait indefinitely)", kAny, "", "",
       "Time a waiting customer stays in the line before leaving unserved (reneging).", kInput},
      {"services.<name>.routing", K::NamedEntries, "", false, "every customer exits", kAny,
       "probabilities sum to 1", "",
       "Where customers go after service here; each key is a service name or `exit`.", kInput},
      {"services.<name>.routing.<target>", K::Number, "", false, "", kUnitInterval, "", "",
       "Probability of going on to service `<target>` (or of leaving when the key is `exit`); a "
       "service's probabilities must sum to 1 within 1e-9.",
       kInput},
      {"services.<name>.schedule", K::Mapping, "", false, "none (servers never change)", kAny, "",
       "", "Changes the number of servers over time.", kInput},
      {"services.<name>.schedule.cycle_days", K::Number, "days", false,
       "none (the steps apply once)", kDays, "", "",
       "Period after which the steps repeat, e.g. 7 for a weekly pattern.", kInput},
      {"services.<name>.schedule.steps", K::Sequence, "", true, "", kAny, "at least one step", "",
       "The steps, in order of `from_day`.", kInput},
      {"services.<name>.schedule.steps[]", K::Mapping, "", false, "", kAny, "", "",
       "One step of the schedule.", kInput},
      {"services.<name>.schedule.steps[].from_day", K::Number, "days", true, "", kDaysZero,
       "and strictly increasing (and < cycle_days if given)", "",
       "Day from which the step applies (counted within each cycle when `cycle_days` is given).",
       kInput},
      {"services.<name>.schedule.steps[].servers", K::Integer, "", true, "", kPlaces, "", "",
       "Number of servers from `from_day` on.", kInput},
      {"services.<name>.initial", K::Mapping, "", false, "none (the service starts empty)", kAny,
       "", "",
       "Warm start: the customers present at day 0, so a run starts from today's caseload and "
       "waiting list instead of from empty.",
       kInput},
      {"services.<name>.initial.busy", K::Integer, "", false, "0", kPlaces,
       "and <= the servers at day 0", "",
       "Customers in service at day 0; each draws a fresh service time.", kInput},
      {"services.<name>.initial.waiting", K::Integer, "", false, "0", kPlaces,
       "and <= queue.capacity; above 0 only when busy equals the servers at day 0", "",
       "Customers waiting at day 0, in the line in front of the servers (with patience if "
       "given).",
       kInput},
  };
  for (Parameter& p : entries) p.schema = Schema::Network;
  out.insert(out.end(), entries.begin(), entries.end());
}

}  // namespace cmhsim::scenario::table
