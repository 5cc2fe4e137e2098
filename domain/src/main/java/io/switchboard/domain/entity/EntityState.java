package io.switchboard.domain.entity;

/**
 * The state of a call or a conference entity. One {@link EntityInspection} type reports either kind; the
 * cluster serializer names the concrete one.
 */
public interface EntityState {}
