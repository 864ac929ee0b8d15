//! How the desk's typed labels (ticket status, kind, category, urgency, a user's role) are
//! stored: as their text label in a `TEXT` column. A row type holds the enum,
//! so a value read back is checked once, here, and matched exhaustively
//! everywhere else; an unknown label in the database is a decoding error.

use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::sqlite::{SqliteArgumentValue, SqliteTypeInfo, SqliteValueRef};
use sqlx::{Decode, Encode, Sqlite, Type};

use crate::domain::request::{Category, Kind, Urgency};
use crate::domain::role::Role;
use crate::domain::ticket::Status;

macro_rules! stored_as_text {
    ($($t:ty),+ $(,)?) => {$(
        impl Type<Sqlite> for $t {
            fn type_info() -> SqliteTypeInfo {
                <str as Type<Sqlite>>::type_info()
            }

            fn compatible(ty: &SqliteTypeInfo) -> bool {
                <str as Type<Sqlite>>::compatible(ty)
            }
        }

        impl<'q> Encode<'q, Sqlite> for $t {
            fn encode_by_ref(
                &self,
                args: &mut Vec<SqliteArgumentValue<'q>>,
            ) -> Result<IsNull, BoxDynError> {
                <&str as Encode<'q, Sqlite>>::encode(self.as_str(), args)
            }
        }

        impl<'r> Decode<'r, Sqlite> for $t {
            fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
                let text = <&str as Decode<'r, Sqlite>>::decode(value)?;
                text.parse::<Self>().map_err(|e| e.to_string().into())
            }
        }
    )+};
}

stored_as_text!(Status, Kind, Category, Urgency, Role);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing;

    #[tokio::test]
    async fn every_label_goes_in_and_comes_back_as_itself() {
        let (db, _dir) = testing::db().await;
        for status in Status::ALL {
            let back: Status = sqlx::query_scalar("SELECT ?")
                .bind(status)
                .fetch_one(db.pool())
                .await
                .unwrap();
            assert_eq!(back, status);
        }
        for kind in Kind::ALL {
            let back: Kind = sqlx::query_scalar("SELECT ?")
                .bind(*kind)
                .fetch_one(db.pool())
                .await
                .unwrap();
            assert_eq!(back, *kind);
        }
        for category in Category::ALL {
            let back: Category = sqlx::query_scalar("SELECT ?")
                .bind(*category)
                .fetch_one(db.pool())
                .await
                .unwrap();
            assert_eq!(back, *category);
        }
        for urgency in Urgency::ALL {
            let text: String = sqlx::query_scalar("SELECT ?")
                .bind(*urgency)
                .fetch_one(db.pool())
                .await
                .unwrap();
            assert_eq!(text, urgency.as_str(), "stored as its label");
        }
    }

    #[tokio::test]
    async fn an_unknown_label_in_the_database_is_an_error_not_a_guess() {
        let (db, _dir) = testing::db().await;
        let read = sqlx::query_scalar::<_, Status>("SELECT 'half_done'")
            .fetch_one(db.pool())
            .await;
        assert!(read.is_err(), "{read:?}");
    }
}
