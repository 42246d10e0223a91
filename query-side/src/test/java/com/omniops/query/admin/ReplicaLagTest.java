package com.omniops.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplicaLagTest {

    @Test
    void readsALogSequenceNumberAsPostgresqlPrintsIt() {
        assertThat(ReplicaLag.lsn("0/0")).isZero();
        assertThat(ReplicaLag.lsn("0/3000148")).isEqualTo(0x3000148L);
        assertThat(ReplicaLag.lsn("16/B374D848")).isEqualTo(0x16L * (1L << 32) + 0xB374D848L);
        assertThat(ReplicaLag.lsn("1/0") - ReplicaLag.lsn("0/FFFFFFFF")).isEqualTo(1);
    }
}
