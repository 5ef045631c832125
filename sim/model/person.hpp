// One person on the SMI register: fixed attributes, clinical and care state, counters and the
// positions of their random streams. Plain data; knows nothing of events or services.
#pragma once

#include <cstdint>
#include <limits>

#include "engine/huge_page_allocator.hpp"
#include "model/pathway_types.hpp"

namespace cmhsim::model::pathway {

inline constexpr double kMonthDays = 365.25 / 12.0;
inline constexpr double kYearDays = 365.25;

/// Names the purposes of random streams; a person's draws for one purpose come from stream
/// (person id, purpose), global processes use reserved entity ids (see kGlobalEntity).
enum class Purpose : std::uint64_t {
  Synthesis = 1,   ///< Attributes and initial state of a person.
  Transition = 2,  ///< Clinical transition times.
  Mortality = 3,   ///< Cumulative hazard at death (draw 0) and cause of death (draw 1).
  Contact = 4,     ///< Care Partner contact timing, take-up and disengagement.
  Goal = 5,        ///< Goal setting and achievement, VCSE referral at a contact.
  Crisis = 6,      ///< Crisis episode lengths, admission, length of stay, post-crisis routing.
  /// Month-end quality-of-life noise shared by eight people: block `month` of entity id / 8 gives
  /// person id its first ziggurat try in half id % 2 (low 32 bits first) of word (id / 2) % 4.
  Month = 7,
  Migration = 8,   ///< Time of moving away.
  Workforce = 9,   ///< Care Partner posts: vacancy at start, leaving, recruitment delays.
  Services = 10,   ///< Contact counts, referrals, triage, patience, VCSE connections.
  Arrival = 11,    ///< Incidence and in-migration arrival times.
  Proactive = 12,  ///< Found by identification sweep k (position = sweep index).
  /// Yearly health check in year y, block y: whether it takes place, VCSE self-referral and its
  /// day, vascular risk found, treatment taken up (words 0-3).
  Physical = 13,
  Access = 14,  ///< Care Partner waiting entry k: patience, signposting (position = 4 k).
  /// Further ziggurat tries of person id's quality-of-life noise in month m, from position m << 32.
  MonthMore = 15,
};

/// Sets the first entity id of global streams, far above any person id.
inline constexpr std::uint64_t kGlobalEntity = std::uint64_t{1} << 40;
inline constexpr std::uint64_t kIncidenceEntity = kGlobalEntity + 0;
inline constexpr std::uint64_t kInMigrationEntity = kGlobalEntity + 1;
/// Names the stream of the register's GP consultation counts (drawn in aggregate).
inline constexpr std::uint64_t kGpEntity = kGlobalEntity + 2;
/// Names the stream of the CMHT caseload's bulk contact counts.
inline constexpr std::uint64_t kCmhtBulkEntity = kGlobalEntity + 3;
/// Names the stream of the outpatient lists' bulk appointment counts.
inline constexpr std::uint64_t kOutpatientBulkEntity = kGlobalEntity + 4;
/// Sets the entity id of Care Partner post 0; post k is kPostEntity + k.
inline constexpr std::uint64_t kPostEntity = kGlobalEntity + (std::uint64_t{1} << 20);
/// Sets the entity id of supervisor post 0, after the 2^20 Care Partner posts' block.
inline constexpr std::uint64_t kSupervisorPostEntity = kGlobalEntity + (std::uint64_t{1} << 21);
/// Sets the entity id of CMHT care coordinator post 0, after the supervisor posts' block.
inline constexpr std::uint64_t kCoordinatorPostEntity = kGlobalEntity + (std::uint64_t{3} << 20);

inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
inline constexpr float kNever = -std::numeric_limits<float>::infinity();

/// Names the bits of Person::flags.
enum PersonFlag : std::uint32_t {
  kAlive = 1u << 0,
  kCmhtWaiting = 1u << 1,      ///< On the CMHT waiting list.
  kCmhtReferral = 1u << 2,     ///< A CMHT referral is on its way (delay and triage).
  kCpWaiting = 1u << 3,        ///< Waiting for a Care Partner.
  kCpEngaged = 1u << 4,        ///< Has had a first Care Partner contact.
  kVcseConnected = 1u << 5,    ///< Holds a VCSE place.
  kVcseWaiting = 1u << 6,      ///< Waiting for a VCSE place.
  kOutOfArea = 1u << 7,        ///< Inpatient in an out-of-area bed.
  kGoalOpen = 1u << 8,         ///< Has a goal being worked on.
  kWindowSecondary = 1u << 9,  ///< Under CMHT or outpatients throughout the 12 months so far.
  kWindowCheck = 1u << 10,     ///< Had a physical health check in the last 12 months.
  kCpObserved = 1u << 11,      ///< On a Care Partner caseload at some time after warm-up.
  kMigrated = 1u << 12,        ///< Moved away (no longer registered).
  kObserved = 1u << 13,        ///< Alive at some time after warm-up.
  kCvTreated = 1u << 14,       ///< Vascular risk found at a check and treated.
  /// On a psychiatric outpatient list while with a Care Partner or waiting for one (stepped down
  /// from a CMHT with outpatient follow-up); the home setting is then CarePartner or PrimaryCare.
  kOutpatientFollowUp = 1u << 15,
  kCmhtEarly = 1u << 16,  ///< On a CMHT caseload before the second contact of the episode.
  kGpCounted = 1u << 17,  ///< Counted among the people whose GP consultations accrue in bulk.
  /// Counted among the people whose outpatient appointments accrue in bulk for the totals.
  kOutpatientCounted = 1u << 18,
};

/// Indexes the per-person stream positions kept in Person::position.
enum StreamSlot : std::uint8_t {
  kSlotTransition,
  kSlotContact,
  kSlotGoal,
  kSlotCrisis,
  kSlotServices,
  kSlotCount
};

/// Names the purpose of the stream each slot stores the position of.
inline constexpr Purpose kSlotPurpose[kSlotCount] = {
    Purpose::Transition, Purpose::Contact, Purpose::Goal, Purpose::Crisis, Purpose::Services};

/// Marks a person counted in no cell of the counts by state and setting.
inline constexpr std::uint8_t kNoCell = 0xff;

/// Holds one person; the index in the model's person vector is the person id.
struct Person {
  float age0 = 0.0f;        ///< Age at day 0 in years (may be below the entry age for newcomers).
  float entry_time = 0.0f;  ///< Day registered.
  float engagement = 0.0f;  ///< Probability of taking up an offered contact.
  float qol_start = 0.0f;   ///< Quality of life at the start of observation (or entry).
  float last_proactive = kNever;  ///< Last proactive contact (CP, CMHT, VCSE, outpatient, sweep).
  float last_care_contact = kNever;  ///< Last secondary-care or Care Partner contact.
  float state_since = 0.0f;          ///< Time the current clinical state began.
  float settled_at = 0.0f;           ///< Contacts by setting are counted up to this time.
  float next_check = 0.0f;           ///< Time of the next annual physical health check.
  /// Time of death under the current hazard when it falls within the run: the cumulative hazard
  /// from now until then is what remains of the person's draw. When death lies past the horizon,
  /// minus the draw's remainder at the horizon instead (times are never negative).
  float death_time = 0.0f;
  float suicide_risk_until = kNever;  ///< Raised suicide rate until this time (+inf in crisis).
  /// Start of the CMHT episode (reviews count from it); while referred or waiting, the referral
  /// day.
  float cmht_since = 0.0f;
  float cmht_rate = 0.0f;  ///< CMHT contacts per day at full staffing, drawn at the CMHT start.
  std::uint32_t cp_worker = kNone;    ///< Care Partner post holding the person, if any.
  std::uint32_t cmht_ticket = 0;      ///< Ticket on the CMHT waiting list.
  std::uint32_t vcse_ticket = 0;      ///< Ticket on the VCSE waiting list.
  std::uint32_t last_crisis = kNone;  ///< Latest ended crisis-team episode record of this person.
  /// CMHT contact rate (per day at full staffing) counted in the caseload's bulk contacts.
  float cmht_bulk = 0.0f;
  float cmht_demand = 0.0f;  ///< CMHT contact rate counted in the caseload's contact demand.
  std::uint32_t flags = 0;
  std::uint32_t position[kSlotCount] = {};  ///< Draws taken per stored stream.
  std::uint16_t practice = 0;
  std::uint16_t pcn = 0;
  std::uint16_t transition_token = 0;  ///< Invalidates stale transition events.
  std::uint16_t contact_token = 0;     ///< Invalidates stale Care Partner contact events.
  std::uint16_t death_token = 0;       ///< Invalidates stale death events.
  /// Sequence of the current Care Partner waiting entry; it also names the episode that follows.
  std::uint16_t cp_wait_seq = 0;
  std::uint16_t care_partner_contacts = 0;
  std::uint16_t mental_health_contacts = 0;
  std::uint16_t window_secondary_contacts = 0;  ///< CMHT/outpatient contacts in the last 12 months.
  std::uint16_t crises = 0;  ///< Counters from here to goals_achieved cover the observed period.
  std::uint16_t admissions = 0;
  std::uint16_t goals_set = 0;
  std::uint16_t goals_achieved = 0;
  Diagnosis diagnosis = Diagnosis::Schizophrenia;
  NetworkType network = NetworkType::DiverseActive;
  Ethnicity ethnicity = Ethnicity::White;
  ClinicalState state = ClinicalState::Stable;
  Setting setting = Setting::PrimaryCare;  ///< Where the person is now.
  Setting home = Setting::PrimaryCare;     ///< Community setting to return to after a crisis.
  std::uint8_t male = 0;
  std::uint8_t lives_alone = 0;
  std::uint8_t insecure_housing = 0;
  std::uint8_t long_term_sick = 0;
  std::uint8_t trial_arm = 0;  ///< 0 none, 1 intervention, 2 control.
  std::uint8_t rapport = 0;    ///< Contacts taken with the current Care Partner (saturates).
  std::uint8_t cp_goals = 0;   ///< Goals achieved in the current Care Partner episode (saturates).
  std::uint8_t counted_cell = kNoCell;  ///< Cell of the counts by state and setting counted in.

  /// Returns true when flag `f` is set.
  [[nodiscard]] bool has(PersonFlag f) const noexcept { return (flags & f) != 0; }
  /// Sets or clears flag `f`.
  void set(PersonFlag f, bool on = true) noexcept {
    flags = static_cast<std::uint32_t>(on ? (flags | f) : (flags & ~f));
  }
  /// Returns the age in years at day `t`.
  [[nodiscard]] double age_at(double t) const noexcept { return age0 + t / 365.25; }
};

static_assert(sizeof(Person) <= 140, "keep Person compact: England holds over half a million");

/// Holds everyone ever on the register, by id (huge pages: events read records at random).
using PersonList = engine::HugePageVector<Person>;

/// Returns true when `s` is acute care: a crisis-team episode or a bed.
constexpr bool acute(Setting s) noexcept {
  return s == Setting::CrisisTeam || s == Setting::Inpatient;
}
/// Returns true when `p` is on a psychiatric outpatient list (alone or as follow-up alongside a
/// Care Partner or the wait for one), wherever they are now.
inline bool on_outpatient_list(const Person& p) noexcept {
  return p.setting == Setting::Outpatients || p.has(kOutpatientFollowUp);
}
/// Returns true when `p` is under secondary care: a CMHT or an outpatient list to return to.
inline bool under_secondary_care(const Person& p) noexcept {
  return p.home == Setting::Cmht || p.home == Setting::Outpatients || p.has(kOutpatientFollowUp);
}

}  // namespace cmhsim::model::pathway
