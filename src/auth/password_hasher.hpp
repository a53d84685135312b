#pragma once
// Password hashing with argon2id (libsodium). Thread-safe.
//
// The cost (passes and memory) is configuration: auth.argon2_opslimit and
// auth.argon2_memlimit_kib. Hashes carry their own parameters, so raising the cost later keeps
// old hashes verifiable and needs_rehash() tells when to upgrade one at the next login.

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace laurel::auth {

struct Argon2Cost {
  unsigned long long opslimit = 3;
  std::size_t memlimit_kib = 64 * 1024;
};

class PasswordHasher {
 public:
  explicit PasswordHasher(Argon2Cost cost);

  core::Result<std::string> hash(std::string_view password) const;
  bool verify(std::string_view stored_hash, std::string_view password) const;
  bool needs_rehash(std::string_view stored_hash) const;

  // Burns the same time as a verification; used when the user does not exist, so that a login
  // attempt does not reveal whether a username is taken by answering faster.
  void verify_dummy(std::string_view password) const;

 private:
  Argon2Cost cost_;
  std::string dummy_hash_;
};

}  // namespace laurel::auth
