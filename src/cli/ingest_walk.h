// Internal to `ingest`: the files that the command's arguments name.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kg::cli {

struct WalkedFile {
  std::string path;   // absolute and lexically normal: how the store knows the document
  uint64_t size = 0;  // as listed
};

// The files named by `args`, folders walked recursively, sorted and without duplicates.
// An argument is taken whatever it is (a symbolic link, a named pipe). Inside folders:
// hidden entries (".name") and the folder `store` (the store being written, when it lies
// inside a walked folder) are passed over silently; symbolic links to files are taken;
// a folder is walked once however often it is reached. What cannot be taken is reported
// on stderr as "skipped: <path>: <reason>" and counted in `skipped`: a missing argument,
// a broken symbolic link, a symbolic link to a folder (not followed: links may leave the
// tree or loop; the message says to name the folder instead), a folder that cannot be
// listed, an entry that is neither a file nor a folder (pipe, socket, device).
std::vector<WalkedFile> walk_inputs(const std::vector<std::string>& args,
                                    const std::filesystem::path& store, size_t& skipped);

}  // namespace kg::cli
