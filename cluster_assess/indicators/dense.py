"""A numpy accumulator for streamed region × industry batches: sums, row counts and first rows
over a dense key space. Memory grows with the key space, never with
the rows summed into it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

#: "No row yet" in the first-row arrays (larger than any row number).
_NO_ROW = 2**62


class DenseSums:
    """Sums, row counts and first rows over the key space r × cap_i + i, grown as codes come.

    Flat arrays of zeros (pages untouched until a cell is summed into); the first row is kept
    as `_NO_ROW - row`, so that "none yet" is 0 and the earliest row the largest value.
    """

    def __init__(self, with_est: bool, limit: int) -> None:
        import numpy as np

        self.limit = limit  # the most slots (regions × industries with room to grow) to allocate
        self.cap_r = self.cap_i = 0
        self.value = np.zeros(0)
        self.est = np.zeros(0) if with_est else None
        self.count = np.zeros(0, dtype=np.int32)
        self.first = np.zeros(0, dtype=np.int64)

    def fit(self, n_r: int, n_i: int) -> bool:
        """Room for codes below n_r × n_i, or False past the limit. Regions grow fourfold
        (untouched zeros cost address space, not memory), industries twofold."""
        import numpy as np

        if n_r <= self.cap_r and n_i <= self.cap_i:
            return True
        cap_r = max(n_r, 4 * self.cap_r, 256) if n_r > self.cap_r else self.cap_r
        cap_i = max(n_i, 2 * self.cap_i) if n_i > self.cap_i else self.cap_i
        if cap_r * cap_i > self.limit:
            return False
        def grown(a: np.ndarray) -> np.ndarray:
            # fresh zeros are untouched pages until summed into; only the old slots are copied
            out = np.zeros(cap_r * cap_i, dtype=a.dtype)
            if cap_i == self.cap_i:  # more regions: the same layout, longer
                out[: a.size] = a
            else:
                out.reshape(cap_r, cap_i)[: self.cap_r, : self.cap_i] = a.reshape(self.cap_r, self.cap_i)
            return out

        self.value = grown(self.value)
        self.est = grown(self.est) if self.est is not None else None
        self.count, self.first = grown(self.count), grown(self.first)
        self.cap_r, self.cap_i = cap_r, cap_i
        return True

    def add(self, r: np.ndarray, i: np.ndarray, v: np.ndarray, e: np.ndarray | None, row0: int) -> None:
        """Sum one batch in, over the span of keys it touches (small when the file is sorted)."""
        import numpy as np

        key = r * np.int32(self.cap_i)  # int32: the dense span is far below 2**31
        key += i
        lo, hi = int(key.min()), int(key.max()) + 1
        key -= lo
        span = hi - lo
        np.add(self.count[lo:hi], np.bincount(key, minlength=span), out=self.count[lo:hi], casting="unsafe")
        self.value[lo:hi] += np.bincount(key, weights=v, minlength=span)
        if self.est is not None and e is not None:
            self.est[lo:hi] += np.bincount(key, weights=e, minlength=span)
        first = np.zeros(span, dtype=np.int64)
        top = _NO_ROW - row0
        first[key[::-1]] = np.arange(top - len(key) + 1, top + 1)  # the last write, the first row, wins
        np.maximum(self.first[lo:hi], first, out=self.first[lo:hi])

    def cells(self, n_r: int, n_i: int) -> tuple[np.ndarray, ...]:
        """(region, industry, value, est, count, first) of the cells that hold rows."""
        import numpy as np

        size = n_r * self.cap_i
        present = np.flatnonzero(self.count[:size])
        region, industry = np.divmod(present.astype(np.int32), np.int32(self.cap_i))
        est = self.est[present] if self.est is not None else None
        first = self.first[present]
        np.subtract(_NO_ROW, first, out=first)
        return region, industry, self.value[present], est, self.count[present], first
