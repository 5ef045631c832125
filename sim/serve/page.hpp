// The what-if page: one HTML file with its script and styles inline (no CDN, no fonts), built
// into the binary from sim/serve/page/index.html at build time. Knows nothing of the API's code.
#pragma once

#include <string_view>

namespace cmhsim::serve {

/// Returns the page's HTML.
std::string_view page_html();

}  // namespace cmhsim::serve
