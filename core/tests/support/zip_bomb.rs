//! A zip bomb, built by hand: a raw deflate stream of zeros that inflates
//! to hundreds of megabytes from a few, and a one-entry zip around it whose
//! headers say whatever size the test wants. Shared by the core's package
//! test (core/tests/package_bomb.rs) and the CLI's (cli/tests/cli.rs) with
//! `#[path]`, so both refuse the same bomb.

/// A raw deflate stream (fixed Huffman codes) that inflates to `n` zero
/// bytes: one literal 0, then copies of 258 bytes at distance 1. About 13
/// bits per 258 bytes: 400 MB in 2.5 MB.
pub fn zeros_deflated(n: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        used: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, bits: u32) {
            self.acc |= value << self.used;
            self.used += bits;
            while self.used >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.used -= 8;
            }
        }
        /// A Huffman code: most significant bit first.
        fn code(&mut self, code: u64, bits: u32) {
            let reversed = (0..bits).fold(0, |r, i| r | (((code >> i) & 1) << (bits - 1 - i)));
            self.put(reversed, bits);
        }
    }
    let mut b = Bits {
        out: Vec::new(),
        acc: 0,
        used: 0,
    };
    b.put(1, 1); // the final block
    b.put(1, 2); // fixed Huffman codes
    let literal_zero = |b: &mut Bits| b.code(0x30, 8);
    literal_zero(&mut b);
    let mut left = n - 1;
    while left >= 258 {
        b.code(0b1100_0101, 8); // length 258 (code 285)
        b.code(0, 5); // distance 1
        left -= 258;
    }
    for _ in 0..left {
        literal_zero(&mut b);
    }
    b.code(0, 7); // end of block
    b.put(0, 7); // flush
    b.out
}

/// A zip of one deflated entry `name` whose data is `deflated`, inflating to `size` bytes.
pub fn one_entry_zip(name: &str, deflated: &[u8], size: u32) -> Vec<u8> {
    let mut zip = Vec::new();
    let header = |zip: &mut Vec<u8>, central: bool| {
        zip.extend_from_slice(if central { b"PK\x01\x02" } else { b"PK\x03\x04" });
        if central {
            zip.extend_from_slice(&20u16.to_le_bytes());
        }
        for field in [20u16, 0, 8, 0, 0x21] {
            zip.extend_from_slice(&field.to_le_bytes());
        }
        zip.extend_from_slice(&0u32.to_le_bytes()); // CRC-32: never reached
        zip.extend_from_slice(&(deflated.len() as u32).to_le_bytes());
        zip.extend_from_slice(&size.to_le_bytes());
        zip.extend_from_slice(&(name.len() as u16).to_le_bytes());
        zip.extend_from_slice(&0u16.to_le_bytes());
        if central {
            zip.extend_from_slice(&[0; 10]); // comment, disk, attributes
            zip.extend_from_slice(&0u32.to_le_bytes()); // the local header's offset
        }
        zip.extend_from_slice(name.as_bytes());
    };
    header(&mut zip, false);
    zip.extend_from_slice(deflated);
    let central = zip.len();
    header(&mut zip, true);
    let central_size = zip.len() - central;
    zip.extend_from_slice(b"PK\x05\x06");
    zip.extend_from_slice(&[0; 4]);
    zip.extend_from_slice(&1u16.to_le_bytes());
    zip.extend_from_slice(&1u16.to_le_bytes());
    zip.extend_from_slice(&(central_size as u32).to_le_bytes());
    zip.extend_from_slice(&(central as u32).to_le_bytes());
    zip.extend_from_slice(&0u16.to_le_bytes());
    zip
}
