//! Fetching (being written).
