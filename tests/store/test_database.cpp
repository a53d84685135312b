#include "store/test_database.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>

#include "store/migrator.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace laurel::store::testing {

std::vector<std::string> backends() {
  return {"sqlite"};
}

TestDatabase::TestDatabase(const std::string& backend) {
  static std::atomic<int> counter{0};
  directory_ = std::filesystem::temp_directory_path() /
               ("laurel-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(directory_);
  if (backend != "sqlite") throw std::runtime_error("unknown backend " + backend);
  auto opened = SqliteStore::open({(directory_ / "test.db").string()});
  if (!opened) throw std::runtime_error(opened.error().message);
  store_ = std::move(*opened);
}

TestDatabase::~TestDatabase() {
  store_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

PooledConnection TestDatabase::migrated() {
  auto connection = store_->acquire().value();
  auto report = migrate(*connection);
  if (!report) throw std::runtime_error(report.error().message);
  return connection;
}

}  // namespace laurel::store::testing
