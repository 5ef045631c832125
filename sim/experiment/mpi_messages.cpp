// The task farm's messages between MPI ranks: tags, layouts and polite (non-spinning) waits.
// Compiled only with MPI; knows nothing of what a task computes or how results are stored.
#include "experiment/mpi_messages.hpp"

#include <chrono>
#include <climits>
#include <cstring>
#include <stdexcept>
#include <thread>

namespace cmhsim::experiment::mpi {
namespace {

constexpr std::size_t kIndexBytes = sizeof(std::uint64_t);

}  // namespace

void Backoff::pause() {
  std::this_thread::sleep_for(std::chrono::microseconds(micros_));
  micros_ = micros_ * 2 > kLast ? kLast : micros_ * 2;
}

bool poll(int source, MPI_Status& status) {
  int flag = 0;
  MPI_Iprobe(source, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
  return flag != 0;
}

MPI_Status wait_for(int source) {
  MPI_Status status;
  Backoff backoff;
  while (!poll(source, status)) backoff.pause();
  return status;
}

Message receive(const MPI_Status& status) {
  int count = 0;
  MPI_Get_count(&status, MPI_BYTE, &count);
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(count));
  MPI_Recv(bytes.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  Message message;
  message.source = status.MPI_SOURCE;
  message.tag = status.MPI_TAG;
  if (bytes.size() >= kIndexBytes) {
    std::uint64_t index = 0;
    std::memcpy(&index, bytes.data(), kIndexBytes);
    message.index = static_cast<std::size_t>(index);
    message.payload.assign(bytes.begin() + static_cast<std::ptrdiff_t>(kIndexBytes), bytes.end());
  }
  return message;
}

void send_empty(int dest, Tag tag) { MPI_Send(nullptr, 0, MPI_BYTE, dest, tag, MPI_COMM_WORLD); }

void send_index(int dest, Tag tag, std::size_t index) {
  send_with_index(dest, tag, index, nullptr, 0);
}

void send_with_index(int dest, Tag tag, std::size_t index, const std::uint8_t* payload,
                     std::size_t size) {
  // MPI counts are ints; a larger result would need chunking, which no task needs today.
  if (size > static_cast<std::size_t>(INT_MAX) - kIndexBytes) {
    throw std::length_error("task " + std::to_string(index) + "'s result (" + std::to_string(size) +
                            " bytes) is too large for one MPI message");
  }
  std::vector<std::uint8_t> bytes(kIndexBytes + size);
  const auto index64 = static_cast<std::uint64_t>(index);
  std::memcpy(bytes.data(), &index64, kIndexBytes);
  if (size > 0) std::memcpy(bytes.data() + kIndexBytes, payload, size);
  MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, dest, tag, MPI_COMM_WORLD);
}

}  // namespace cmhsim::experiment::mpi
