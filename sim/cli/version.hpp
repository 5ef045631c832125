// The program's version and the commit it was built from (generated at build time).
// Knows nothing else.
#pragma once

namespace cmhsim::cli {

/// Returns the cmhsim version, e.g. "0.1.0".
const char* version();
/// Returns the short git commit the binary was built from, or "unknown".
const char* git_commit();

}  // namespace cmhsim::cli
