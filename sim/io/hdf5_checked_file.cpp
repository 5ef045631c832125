// Checked HDF5 files: the bytes beside the handle, a per-thread list of the files open this way,
// and variable-length strings decoded from the bytes (descriptors, then heap objects).
#include "io/hdf5_checked_file.hpp"

#include <algorithm>

#include "io/hdf5_file_bytes.hpp"
#include "io/hdf5_global_heap.hpp"
#include "io/hdf5_image.hpp"
#include "io/hdf5_object_header.hpp"
#include "io/hdf5_structure.hpp"

namespace cmhsim::io::h5 {

struct CheckedFile::State {
  explicit State(FileBytes b) : bytes(std::move(b)), heaps(bytes), structure(bytes) {}
  FileBytes bytes;
  GlobalHeaps heaps;
  StructureChecks structure;
  FileHandle file;
};

namespace {

// The files open as CheckedFile on this thread; libhdf5 identifiers are per process, and a file
// is read by the thread that opened it.
thread_local std::vector<CheckedFile::State*> open_files;

/// Returns the state of the checked file `object` lies in, or nullptr.
CheckedFile::State* state_of(hid_t object) {
  if (open_files.empty()) return nullptr;
  const hid_t file = H5Iget_file_id(object);
  if (file < 0) {
    H5Eclear2(H5E_DEFAULT);
    return nullptr;
  }
  // H5Iget_file_id gives a new reference to the file's identifier.
  H5Fclose(file);
  const auto found =
      std::find_if(open_files.begin(), open_files.end(),
                   [&](const CheckedFile::State* s) { return s->file.get() == file; });
  return found == open_files.end() ? nullptr : *found;
}

/// Returns the state of the checked file `object` lies in; throws IoError if there is none.
CheckedFile::State& require_state(hid_t object) {
  CheckedFile::State* state = state_of(object);
  if (state == nullptr) throw IoError("variable-length strings are read only from checked files");
  return *state;
}

}  // namespace

CheckedFile::CheckedFile(std::unique_ptr<State> state) : state_(std::move(state)) {
  open_files.push_back(state_.get());
}

CheckedFile::CheckedFile(CheckedFile&&) noexcept = default;

CheckedFile::~CheckedFile() {
  if (!state_) return;
  std::erase(open_files, state_.get());
}

CheckedFile CheckedFile::open(const std::string& path) {
  auto state = std::make_unique<State>(FileBytes::map(path));
  state->structure.check_root();
  state->file = FileHandle(check(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT),
                                 "cannot open HDF5 file '" + path + "'"));
  return CheckedFile(std::move(state));
}

CheckedFile CheckedFile::open_image(const std::vector<std::uint8_t>& image) {
  // The seal first, so a damaged image is reported as damaged.
  check_file_image(image);
  auto state = std::make_unique<State>(FileBytes::view(image));
  state->structure.check_root();
  state->file = open_file_image(image);
  return CheckedFile(std::move(state));
}

hid_t CheckedFile::get() const noexcept { return state_->file.get(); }

std::uint64_t header_address(hid_t object) {
#if H5_VERSION_GE(1, 12, 0)
  H5O_info2_t info{};
  check(H5Oget_info3(object, &info, H5O_INFO_BASIC), "cannot inspect an object");
  haddr_t address = HADDR_UNDEF;
  check(H5VLnative_token_to_addr(object, info.token, &address), "cannot inspect an object");
  return address;
#else
  H5O_info_t info{};
  check(H5Oget_info2(object, &info, H5O_INFO_BASIC), "cannot inspect an object");
  return info.addr;
#endif
}

bool in_checked_file(hid_t object) { return state_of(object) != nullptr; }

void check_link(hid_t parent, const std::string& name, bool open) {
  CheckedFile::State* state = state_of(parent);
  if (state == nullptr) return;
  // A longer path would make libhdf5 walk groups no check has seen.
  if (name.empty() || name == "." || name.find('/') != std::string::npos) {
    throw IoError("'" + name.substr(0, 80) + "' is not the name of one object in a group");
  }
  if (!open) return;
#if H5_VERSION_GE(1, 12, 0)
  H5L_info2_t info{};
  check(H5Lget_info2(parent, name.c_str(), &info, H5P_DEFAULT), "cannot look up '" + name + "'");
  haddr_t address = HADDR_UNDEF;
  if (info.type == H5L_TYPE_HARD) {
    check(H5VLnative_token_to_addr(parent, info.u.token, &address),
          "cannot look up '" + name + "'");
  }
#else
  H5L_info_t info{};
  check(H5Lget_info(parent, name.c_str(), &info, H5P_DEFAULT), "cannot look up '" + name + "'");
  const haddr_t address = info.u.address;
#endif
  if (info.type != H5L_TYPE_HARD) throw IoError("'" + name + "' is a link to elsewhere");
  state->structure.check_object(address);
}

std::vector<std::string> read_vlen_attribute(hid_t object, const std::string& name,
                                             std::size_t count) {
  CheckedFile::State& state = require_state(object);
  const std::uint64_t address = header_address(object);
  const std::string label = "attribute '" + name + "'";
  for (const RawAttribute& a : attribute_messages(state.bytes, address)) {
    if (a.shared || a.name != name) continue;
    if (!is_vlen_string(a.datatype)) {
      throw IoError(label + " is stored with another type than libhdf5 reports");
    }
    if (element_count(a.dataspace) != count) {
      throw IoError(label + " is stored with another shape than libhdf5 reports");
    }
    return state.heaps.strings(a.data, count, label);
  }
  throw IoError(label + " is not stored in its object's header in a form cmhsim reads");
}

std::vector<std::string> read_vlen_dataset(hid_t dataset, std::size_t count) {
  CheckedFile::State& state = require_state(dataset);
  if (count == 0) return {};
  const haddr_t offset = H5Dget_offset(dataset);
  if (offset == HADDR_UNDEF) {
    H5Eclear2(H5E_DEFAULT);
    throw IoError("the strings are not stored contiguously in the file");
  }
  const std::uint64_t length = static_cast<std::uint64_t>(count) * kVlenDescriptorSize;
  if (offset < state.bytes.base()) throw IoError("the strings lie before the HDF5 data");
  const auto data = state.bytes.at(offset - state.bytes.base(), length, "the dataset's strings");
  return state.heaps.strings(data, count, "the dataset");
}

}  // namespace cmhsim::io::h5
