package org.tribune.honor;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.tribune.persistence.VersionedEntity;

@Entity
@Table(name = "prize")
public class Prize extends VersionedEntity {

    public String name;

    /** Folded name behind a unique index: names are unique ignoring case and accents. */
    @Column(name = "name_key")
    public String nameKey;

    public String slug;

    public String description;

    /** Its award categories in the order its page shows them; awards of other categories come after. */
    @ElementCollection
    @CollectionTable(name = "prize_category", joinColumns = @JoinColumn(name = "prize_id"))
    @OrderColumn(name = "position")
    @Column(name = "name")
    public List<String> categories = new ArrayList<>();
}
