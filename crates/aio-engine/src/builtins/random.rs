//! `random`: CPython's Mersenne Twister (MT19937) with CPython's seeding and derivations,
//! so seeded programs print the same numbers as CPython. Unseeded, the generator starts
//! from the fixed seed 0 (CPython would use OS entropy; any output is valid then).

/// MT19937 state.
#[derive(Debug, Clone)]
pub(crate) struct Mt {
    mt: [u32; 624],
    idx: usize,
    /// The second normal deviate `gauss()` made with the last one (CPython's `gauss_next`).
    gauss_next: Option<f64>,
}

impl Mt {
    fn init_genrand(s: u32) -> Mt {
        let mut mt = [0u32; 624];
        mt[0] = s;
        for i in 1..624 {
            mt[i] = 1812433253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        Mt {
            mt,
            idx: 624,
            gauss_next: None,
        }
    }

    /// `random.seed(n)` for a non-negative int, exactly as CPython (init_by_array).
    pub(crate) fn seeded(n: u64) -> Mt {
        let mut key: Vec<u32> = Vec::new();
        let mut v = n;
        while v > 0 {
            key.push(v as u32);
            v >>= 32;
        }
        Mt::from_key(key)
    }

    /// CPython's `init_by_array` with `key`, the seed's 32-bit words from the least
    /// significant up.
    pub(crate) fn from_key(mut key: Vec<u32>) -> Mt {
        if key.is_empty() {
            key.push(0);
        }
        let mut m = Mt::init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len();
        let mut k = 624.max(klen);
        while k > 0 {
            m.mt[i] = (m.mt[i] ^ ((m.mt[i - 1] ^ (m.mt[i - 1] >> 30)).wrapping_mul(1664525)))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= 624 {
                m.mt[0] = m.mt[623];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
            k -= 1;
        }
        k = 623;
        while k > 0 {
            m.mt[i] = (m.mt[i] ^ ((m.mt[i - 1] ^ (m.mt[i - 1] >> 30)).wrapping_mul(1566083941)))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= 624 {
                m.mt[0] = m.mt[623];
                i = 1;
            }
            k -= 1;
        }
        m.mt[0] = 0x8000_0000;
        m
    }

    /// Next 32 random bits.
    pub(crate) fn next_u32(&mut self) -> u32 {
        if self.idx >= 624 {
            for k in 0..624 {
                let y = (self.mt[k] & 0x8000_0000) | (self.mt[(k + 1) % 624] & 0x7fff_ffff);
                let mut v = self.mt[(k + 397) % 624] ^ (y >> 1);
                if y & 1 != 0 {
                    v ^= 0x9908_b0df;
                }
                self.mt[k] = v;
            }
            self.idx = 0;
        }
        let mut y = self.mt[self.idx];
        self.idx += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// `random.random()`.
    pub(crate) fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `gauss(mu, sigma)`: CPython's Box-Muller draw, which makes two deviates and keeps one.
    pub(crate) fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * std::f64::consts::TAU;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `normalvariate(mu, sigma)`: CPython's Kinderman-Monahan ratio method.
    pub(crate) fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = magic * (u1 - 0.5) / u2;
            if z * z / 4.0 <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `expovariate(lambd)`.
    pub(crate) fn expovariate(&mut self, lambd: f64) -> f64 {
        -(1.0 - self.random()).ln() / lambd
    }

    /// `triangular(low, high, mode)`, `mode` None for the midpoint.
    pub(crate) fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(_) if high == low => return low,
            Some(mode) => (mode - low) / (high - low),
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `getrandbits(k)` for k <= 64.
    pub(crate) fn getrandbits(&mut self, k: u32) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.next_u32() >> (32 - k)) as u64;
        }
        let lo = self.next_u32() as u64;
        let hi = (self.next_u32() >> (64 - k)) as u64;
        lo | (hi << 32)
    }

    /// `getrandbits(k)` for any `k`: 32-bit words from the least significant up, the last one
    /// cut to the bits that remain, as CPython fills them.
    pub(crate) fn getrandbits_big(&mut self, k: u64) -> num_bigint::BigInt {
        let mut digits = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut left = k;
        while left > 0 {
            let word = self.next_u32();
            digits.push(if left < 32 { word >> (32 - left) } else { word });
            left = left.saturating_sub(32);
        }
        num_bigint::BigInt::from(num_bigint::BigUint::new(digits))
    }

    /// `_randbelow(n)` for n > 0.
    pub(crate) fn randbelow(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k);
            if r < n {
                return r;
            }
        }
    }
}
