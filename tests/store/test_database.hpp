#pragma once
// Opens a fresh, empty database of a given backend for a test, and removes it afterwards.
// The conformance suites are parameterised over backends(): every backend must pass them.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace laurel::store::testing {

// Backends under test: "sqlite" always; "postgres" once its backend exists.
std::vector<std::string> backends();

class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Store& store() { return *store_; }
  const std::filesystem::path& directory() const { return directory_; }

  // A connection with every migration applied.
  PooledConnection migrated();

 private:
  std::filesystem::path directory_;
  std::unique_ptr<Store> store_;
};

}  // namespace laurel::store::testing
