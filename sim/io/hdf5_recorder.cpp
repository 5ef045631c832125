// The HDF5 recorder: appends one series row per month and person summaries in blocks, and reads
// person tables back. Knows nothing of how the results are produced.
#include "io/hdf5_recorder.hpp"

#include <cstddef>

#include "io/hdf5_primitives.hpp"
#include "io/hdf5_read_checks.hpp"
#include "model/pathway_types.hpp"

namespace cmhsim::io {
namespace {

constexpr std::size_t kPersonBlock = 4096;

static_assert(sizeof(bool) == 1, "the person table stores `died` as one byte");

/// Describes one member of the person table: its name, offset and file/memory types.
struct Member {
  const char* name;
  std::size_t offset;
  hid_t file_type;
  hid_t memory_type;
};

std::vector<Member> members() {
  using P = model::PersonSummary;
  return {
      {"person", offsetof(P, person), H5T_STD_U64LE, H5T_NATIVE_UINT64},
      {"diagnosis", offsetof(P, diagnosis), H5T_STD_U8LE, H5T_NATIVE_UINT8},
      {"network", offsetof(P, network), H5T_STD_U8LE, H5T_NATIVE_UINT8},
      {"ethnicity", offsetof(P, ethnicity), H5T_STD_U8LE, H5T_NATIVE_UINT8},
      {"trial_arm", offsetof(P, trial_arm), H5T_STD_U8LE, H5T_NATIVE_UINT8},
      {"care_partner_contacts", offsetof(P, care_partner_contacts), H5T_STD_U32LE,
       H5T_NATIVE_UINT32},
      {"mental_health_contacts", offsetof(P, mental_health_contacts), H5T_STD_U32LE,
       H5T_NATIVE_UINT32},
      {"crises", offsetof(P, crises), H5T_STD_U32LE, H5T_NATIVE_UINT32},
      {"admissions", offsetof(P, admissions), H5T_STD_U32LE, H5T_NATIVE_UINT32},
      {"goals_set", offsetof(P, goals_set), H5T_STD_U32LE, H5T_NATIVE_UINT32},
      {"goals_achieved", offsetof(P, goals_achieved), H5T_STD_U32LE, H5T_NATIVE_UINT32},
      {"days_observed", offsetof(P, days_observed), H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE},
      {"qol_start", offsetof(P, qol_start), H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE},
      {"qol_end", offsetof(P, qol_end), H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE},
      {"died", offsetof(P, died), H5T_STD_U8LE, H5T_NATIVE_UINT8},
  };
}

/// Returns the in-memory compound type matching model::PersonSummary.
DatatypeHandle person_memory_type() {
  const std::string what = "cannot create the person table type";
  DatatypeHandle t(check(H5Tcreate(H5T_COMPOUND, sizeof(model::PersonSummary)), what));
  for (const Member& m : members())
    check(H5Tinsert(t.get(), m.name, m.offset, m.memory_type), what);
  return t;
}

/// Returns the packed little-endian compound type stored in files.
DatatypeHandle person_file_type() {
  const std::string what = "cannot create the person table type";
  std::size_t size = 0;
  for (const Member& m : members()) size += H5Tget_size(m.file_type);
  DatatypeHandle t(check(H5Tcreate(H5T_COMPOUND, size), what));
  std::size_t offset = 0;
  for (const Member& m : members()) {
    check(H5Tinsert(t.get(), m.name, offset, m.file_type), what);
    offset += H5Tget_size(m.file_type);
  }
  return t;
}

/// Throws IoError unless the stored record type `type` has every member of the person table with
/// its stored type, and every member lies inside the record.
void check_person_members(hid_t type, const std::string& label) {
  const std::size_t record = H5Tget_size(type);
  const int count = check(H5Tget_nmembers(type), "cannot inspect " + label);
  for (int i = 0; i < count; ++i) {
    const auto index = static_cast<unsigned>(i);
    const DatatypeHandle member(check(H5Tget_member_type(type, index), "cannot inspect " + label));
    const std::size_t offset = H5Tget_member_offset(type, index);
    const std::size_t size = H5Tget_size(member.get());
    if (size == 0 || offset > record || size > record - offset) {
      throw IoError(label + " has a member outside its record");
    }
  }
  for (const Member& m : members()) {
    const int index = H5Tget_member_index(type, m.name);
    if (index < 0) {
      H5Eclear2(H5E_DEFAULT);
      throw IoError(label + " has no member '" + m.name + "'");
    }
    const DatatypeHandle member(
        check(H5Tget_member_type(type, static_cast<unsigned>(index)), "cannot inspect " + label));
    if (check(H5Tequal(member.get(), m.file_type), "cannot inspect " + label) <= 0) {
      throw IoError(label + " stores member '" + m.name + "' with another type");
    }
  }
}

template <std::size_t N>
std::vector<std::string> names_of(const std::array<const char*, N>& names) {
  return {names.begin(), names.end()};
}

}  // namespace

Hdf5Recorder::Hdf5Recorder(hid_t group, const std::vector<model::OutputInfo>& series_infos,
                           const std::string& series_name, const std::string& persons_name) {
  if (!series_name.empty()) {
    if (series_infos.empty()) {
      throw IoError("cannot record series '" + series_name + "': the model names no series");
    }
    width_ = series_infos.size();
    series_.emplace(group, series_name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE,
                    std::vector<std::size_t>{width_}, 64);
    std::vector<std::string> names;
    std::vector<std::string> units;
    for (const auto& info : series_infos) {
      names.push_back(info.name);
      units.push_back(info.unit);
    }
    h5::write_strings_attribute(series_->get(), "names", names);
    h5::write_strings_attribute(series_->get(), "units", units);
  }
  if (!persons_name.empty()) {
    person_memory_type_ = person_memory_type();
    const DatatypeHandle file_type = person_file_type();
    persons_.emplace(group, persons_name, file_type.get(), person_memory_type_.get(),
                     std::vector<std::size_t>{}, kPersonBlock);
    h5::write_strings_attribute(persons_->get(), "diagnosis_names",
                                names_of(model::kDiagnosisNames));
    h5::write_strings_attribute(persons_->get(), "network_names",
                                names_of(model::kNetworkTypeNames));
    h5::write_strings_attribute(persons_->get(), "ethnicity_names",
                                names_of(model::kEthnicityNames));
    h5::write_strings_attribute(persons_->get(), "trial_arm_names",
                                {"none", "intervention", "control"});
    buffer_.reserve(kPersonBlock);
  }
}

Hdf5Recorder::~Hdf5Recorder() {
  if (finished_) return;
  try {
    finish();
  } catch (const IoError&) {
    // A destructor cannot report; callers that need the data call finish() and see the error.
  }
}

void Hdf5Recorder::record_month(std::size_t month, std::span<const double> values) {
  if (!series_) return;
  if (month != series_->rows()) {
    throw IoError("recorded month " + std::to_string(month) + ", expected month " +
                  std::to_string(series_->rows()));
  }
  if (values.size() != width_) {
    throw IoError("month " + std::to_string(month) + " has " + std::to_string(values.size()) +
                  " series values, expected " + std::to_string(width_));
  }
  series_->append(values.data(), 1);
}

void Hdf5Recorder::record_person(const model::PersonSummary& person) {
  if (!persons_) return;
  buffer_.push_back(person);
  if (buffer_.size() == kPersonBlock) flush_persons();
}

void Hdf5Recorder::flush_persons() {
  persons_->append(buffer_.data(), buffer_.size());
  buffer_.clear();
}

void Hdf5Recorder::finish() {
  finished_ = true;
  if (persons_) {
    flush_persons();
    persons_->close();
  }
  if (series_) series_->close();
}

std::vector<model::PersonSummary> read_person_table(hid_t parent, const std::string& name) {
  DatasetHandle ds = h5::open_dataset(parent, name);
  const std::string label = "person table '" + h5::object_path(ds.get()) + "'";
  DatatypeHandle type(check(H5Dget_type(ds.get()), "cannot inspect " + label));
  if (H5Tget_class(type.get()) != H5T_COMPOUND) throw IoError(label + " is not a compound dataset");
  check_person_members(type.get(), label);
  DataspaceHandle space(check(H5Dget_space(ds.get()), "cannot inspect " + label));
  if (h5::checked_dims(space.get(), label).size() != 1) throw IoError(label + " is not a list");
  const std::uint64_t count = h5::checked_count(space.get(), label);
  h5::require_stored(ds.get(), type.get(), count, label);
  std::vector<model::PersonSummary> out(static_cast<std::size_t>(count));
  if (!out.empty()) {
    const DatatypeHandle memory = person_memory_type();
    check(H5Dread(ds.get(), memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()),
          "cannot read " + label);
  }
  return out;
}

}  // namespace cmhsim::io
