// Progress bar drawing on stderr, only when it is a terminal.
// Knows nothing of what is being counted.
#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace cmhsim::cli {

Progress::Progress(std::string what, bool quiet)
    : what_(std::move(what)),
      active_(!quiet && isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {}

void Progress::update(std::uint64_t done, std::uint64_t total, const std::string& note) {
  if (!active_ || total == 0) return;
  constexpr int kWidth = 30;
  const double frac = static_cast<double>(done) / static_cast<double>(total);
  const int filled = static_cast<int>(frac * kWidth);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double eta = done > 0 ? elapsed * (1.0 - frac) / frac : 0.0;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.append(static_cast<std::size_t>(kWidth - filled), '.');
  std::fprintf(stderr, "\r[%s] %llu/%llu %s%s%s, ETA %.0fs ", bar.c_str(),
               static_cast<unsigned long long>(done), static_cast<unsigned long long>(total),
               what_.c_str(), note.empty() ? "" : ", ", note.c_str(), eta);
  std::fflush(stderr);
}

void Progress::finish() {
  if (!active_) return;
  std::fprintf(stderr, "\r%*s\r", 80, "");
  std::fflush(stderr);
}

}  // namespace cmhsim::cli
