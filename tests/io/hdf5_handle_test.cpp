// Tests the HDF5 identifier wrappers: closing on destruction, moving, and errors as IoError.
// Knows nothing of the results layout.
#include "io/hdf5_handle.hpp"

#include <catch2/catch.hpp>
#include <utility>

namespace cmhsim::io::test {
namespace {

/// Returns true while `id` names an open HDF5 object.
bool is_open(hid_t id) {
  const ErrorSilencer quiet;
  const htri_t valid = H5Iis_valid(id);
  H5Eclear2(H5E_DEFAULT);
  return valid > 0;
}

}  // namespace

TEST_CASE("hdf5 handle closes its identifier when destroyed", "[hdf5]") {
  hid_t id = H5I_INVALID_HID;
  {
    const DataspaceHandle space(H5Screate(H5S_SCALAR));
    id = space.get();
    REQUIRE(space.valid());
    CHECK(is_open(id));
  }
  CHECK_FALSE(is_open(id));
}

TEST_CASE("hdf5 handle moves ownership and closes exactly once", "[hdf5]") {
  DataspaceHandle a(H5Screate(H5S_SCALAR));
  const hid_t first = a.get();
  DataspaceHandle b(std::move(a));
  CHECK_FALSE(a.valid());  // the moved-from state is what this checks
  CHECK(b.get() == first);
  CHECK(is_open(first));

  DataspaceHandle c(H5Screate(H5S_SCALAR));
  const hid_t second = c.get();
  c = std::move(b);  // closes `second`, takes `first`
  CHECK_FALSE(is_open(second));
  CHECK(c.get() == first);
  CHECK(is_open(first));

  c.close("closing");
  CHECK_FALSE(c.valid());
  CHECK_FALSE(is_open(first));
}

TEST_CASE("hdf5 failures become IoError carrying HDF5's reason", "[hdf5][bad-input]") {
  const ErrorSilencer quiet;
  CHECK_THROWS_AS(check(H5Gopen2(H5I_INVALID_HID, "x", H5P_DEFAULT), "cannot open group 'x'"),
                  IoError);
  CHECK_THROWS_WITH(check(H5Fopen("/nonexistent/dir/f.h5", H5F_ACC_RDONLY, H5P_DEFAULT),
                          "cannot open '/nonexistent/dir/f.h5'"),
                    Catch::StartsWith("cannot open '/nonexistent/dir/f.h5': ") &&
                        Catch::Contains("No such file or directory"));
  CHECK(take_hdf5_error_stack().empty());  // check() consumed the stack
  CHECK(check(3, "not an error") == 3);
}

TEST_CASE("error silencer restores the previous automatic error printing", "[hdf5]") {
  H5E_auto2_t before = nullptr;
  void* before_data = nullptr;
  H5Eget_auto2(H5E_DEFAULT, &before, &before_data);
  {
    const ErrorSilencer quiet;
    H5E_auto2_t inside = nullptr;
    void* inside_data = nullptr;
    H5Eget_auto2(H5E_DEFAULT, &inside, &inside_data);
    CHECK(inside == nullptr);
  }
  H5E_auto2_t after = nullptr;
  void* after_data = nullptr;
  H5Eget_auto2(H5E_DEFAULT, &after, &after_data);
  CHECK(after == before);
  CHECK(after_data == before_data);
  CHECK(before != nullptr);  // HDF5 prints by default, so the test restores something real
}

}  // namespace cmhsim::io::test
