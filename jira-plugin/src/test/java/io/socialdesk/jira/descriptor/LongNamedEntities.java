package io.socialdesk.jira.descriptor;

import net.java.ao.Entity;
import net.java.ao.schema.Table;

/** Entities that break AO's name limits, for the checker's own tests. Never migrated anywhere. */
final class LongNamedEntities {
    private LongNamedEntities() {}

    /** No @Table: the table would be SCHEDULED_PUBLICATION_WINDOW (28 characters). */
    interface ScheduledPublicationWindow extends Entity {
        String getName();
        void setName(String name);
    }

    @Table("SHORT")
    interface ShortTableLongColumn extends Entity {
        String getTheNetworkSpecificIdempotencyKeyValue();
        void setTheNetworkSpecificIdempotencyKeyValue(String value);
    }

    @Table("OWNER")
    interface OwnerEntity extends Entity {}

    @Table("REF")
    interface ReferencingEntity extends Entity {
        /** 27 characters, plus _ID = 30: the limit exactly, so it passes. */
        OwnerEntity getOwnerOfTheRecordAbcdeX();
        void setOwnerOfTheRecordAbcdeX(OwnerEntity owner);

        /** 28 characters, plus _ID = 31: one over. */
        OwnerEntity getOwnerOfTheRecordAbcdeXy();
        void setOwnerOfTheRecordAbcdeXy(OwnerEntity owner);
    }
}
